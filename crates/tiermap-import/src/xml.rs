//! Reading XML from untrusted files (a workbook's parts, ArchiMate models)
//! without ever fetching or expanding anything: a DOCTYPE is refused outright
//! (so no external entity can read another file and no "billion laughs" can
//! expand), only the five predefined entities and character references are
//! resolved, and nesting is capped, so a hostile file gets an error, never a
//! panic, a stack overflow or a huge allocation.

use std::borrow::Cow;

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::QName;

/// Deepest element nesting read; real workbooks and ArchiMate models stay
/// far below it.
pub(crate) const MAX_DEPTH: usize = 256;

/// Why a piece of XML could not be read, at a byte offset of its input.
#[derive(Debug)]
pub(crate) struct XmlError {
    pub offset: usize,
    pub message: String,
    /// Refused on purpose (a DOCTYPE, too deep, UTF-16), rather than broken XML.
    pub refused: bool,
}

impl XmlError {
    pub fn syntax(offset: usize, message: impl Into<String>) -> Self {
        XmlError { offset, message: message.into(), refused: false }
    }

    fn refused(offset: usize, message: impl Into<String>) -> Self {
        XmlError { offset, message: message.into(), refused: true }
    }
}

/// What the reader hands on. Empty elements (`<a/>`) arrive as an `Open`
/// followed by a `Close`, so callers see every element the same way.
pub(crate) enum Node<'a> {
    Open {
        element: BytesStart<'a>,
        offset: usize,
    },
    Close,
    /// Text, with entity and character references resolved (and CDATA).
    Text(Cow<'a, str>),
    Eof,
}

/// A pull reader over one XML document held in memory.
pub(crate) struct XmlReader<'a> {
    reader: quick_xml::Reader<&'a [u8]>,
    /// How much the input was shortened at the front (a byte-order mark):
    /// offsets are reported in the caller's bytes.
    skipped: usize,
    depth: usize,
    close_pending: bool,
}

const DOCTYPE_MESSAGE: &str = "the file declares a DOCTYPE; Tiermap does not read XML entities \
                               (external entities could read other files)";

impl<'a> XmlReader<'a> {
    pub fn new(bytes: &'a [u8]) -> Result<Self, XmlError> {
        if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            return Err(XmlError::refused(0, "the XML is in UTF-16; save it as UTF-8"));
        }
        let skipped = if bytes.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
        let mut reader = quick_xml::Reader::from_reader(&bytes[skipped..]);
        reader.config_mut().trim_text(false);
        Ok(XmlReader { reader, skipped, depth: 0, close_pending: false })
    }

    /// The byte offset (in the caller's input) the reader has reached.
    pub fn offset(&self) -> usize {
        usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX).saturating_add(self.skipped)
    }

    pub fn next(&mut self) -> Result<Node<'a>, XmlError> {
        if self.close_pending {
            self.close_pending = false;
            return Ok(Node::Close);
        }
        loop {
            let start = self.offset();
            let event = self.reader.read_event().map_err(|e| {
                let offset = usize::try_from(self.reader.error_position()).unwrap_or(usize::MAX);
                XmlError::syntax(offset.saturating_add(self.skipped), e.to_string())
            })?;
            return match event {
                Event::Start(element) | Event::Empty(element) if self.depth >= MAX_DEPTH => Err(XmlError::refused(
                    start,
                    format!("<{}> is nested more than {MAX_DEPTH} elements deep", element.name().0),
                )),
                Event::Start(element) => {
                    self.depth += 1;
                    Ok(Node::Open { element, offset: start })
                }
                Event::Empty(element) => {
                    self.close_pending = true;
                    Ok(Node::Open { element, offset: start })
                }
                Event::End(_) => {
                    self.depth = self.depth.saturating_sub(1);
                    Ok(Node::Close)
                }
                Event::Text(text) => Ok(Node::Text(text.xml10_content())),
                Event::CData(data) => Ok(Node::Text(data.xml10_content())),
                Event::GeneralRef(reference) => {
                    let resolved = match reference.resolve_char_ref() {
                        Ok(Some(c)) => Some(c.to_string()),
                        Ok(None) => quick_xml::escape::resolve_predefined_entity(&reference).map(str::to_owned),
                        Err(_) => None,
                    };
                    match resolved {
                        Some(text) => Ok(Node::Text(Cow::Owned(text))),
                        None => Err(XmlError::syntax(
                            start,
                            format!(
                                "&{}; is not a character reference or one of XML's predefined entities",
                                &*reference
                            ),
                        )),
                    }
                }
                Event::DocType(_) => Err(XmlError::refused(start, DOCTYPE_MESSAGE)),
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) => continue,
                Event::Eof => Ok(Node::Eof),
            };
        }
    }

    /// Reads to the end of the element just opened, returning its text
    /// (nested elements' text included).
    pub fn text_of_element(&mut self) -> Result<String, XmlError> {
        let mut text = String::new();
        self.walk_to_end_of_element(Some(&mut text))?;
        Ok(text)
    }

    /// Skips to the end of the element just opened.
    pub fn skip_element(&mut self) -> Result<(), XmlError> {
        self.walk_to_end_of_element(None)
    }

    /// Reads to the end of the element just opened, keeping its text when asked.
    fn walk_to_end_of_element(&mut self, mut text: Option<&mut String>) -> Result<(), XmlError> {
        let mut open = 1usize;
        loop {
            match self.next()? {
                Node::Open { .. } => open += 1,
                Node::Close => {
                    open -= 1;
                    if open == 0 {
                        return Ok(());
                    }
                }
                Node::Text(t) => {
                    if let Some(text) = text.as_deref_mut() {
                        text.push_str(&t);
                    }
                }
                Node::Eof => return Ok(()),
            }
        }
    }
}

/// The local part of a (possibly prefixed) name: `x:sheet` → `sheet`.
pub(crate) fn local(name: QName<'_>) -> &str {
    let QName(name) = name;
    name.rsplit(':').next().unwrap_or(name)
}

/// The value of the attribute whose local name is `name`, whatever its
/// prefix, with references resolved. Unknown entities are an error.
pub(crate) fn attribute(element: &BytesStart<'_>, name: &str, offset: usize) -> Result<Option<String>, XmlError> {
    let error = |message: String| XmlError::syntax(offset, message);
    for attribute in element.attributes() {
        let attribute = attribute.map_err(|e| error(e.to_string()))?;
        if local(attribute.key) == name {
            let value = attribute.normalized_value(XmlVersion::Implicit1_0).map_err(|e| error(e.to_string()))?;
            return Ok(Some(value.into_owned()));
        }
    }
    Ok(None)
}

/// Line and column (both from 1, the column counted in characters) of a
/// byte offset, for messages.
pub(crate) fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let column = 1 + String::from_utf8_lossy(&before[line_start..]).chars().count();
    (line, column)
}

/// Line numbers of increasing offsets, counting each newline once.
#[derive(Debug, Default)]
pub(crate) struct LineCounter {
    offset: usize,
    line: usize,
}

impl LineCounter {
    pub fn line_at(&mut self, bytes: &[u8], offset: usize) -> usize {
        let offset = offset.min(bytes.len());
        if offset < self.offset {
            *self = LineCounter::default();
        }
        self.line += bytes[self.offset..offset].iter().filter(|&&b| b == b'\n').count();
        self.offset = offset;
        self.line + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(xml: &str) -> Result<Vec<String>, XmlError> {
        let mut reader = XmlReader::new(xml.as_bytes())?;
        let mut out = Vec::new();
        loop {
            match reader.next()? {
                Node::Text(t) => out.push(t.into_owned()),
                Node::Eof => return Ok(out),
                _ => {}
            }
        }
    }

    #[test]
    fn predefined_and_character_references_are_resolved() {
        assert_eq!(texts("<a>x &amp; &#x41;&#66;</a>").unwrap().concat(), "x & AB");
    }

    #[test]
    fn unknown_entities_and_doctypes_are_errors() {
        assert!(texts("<a>&xxe;</a>").unwrap_err().message.contains("&xxe;"));
        let error = texts("<!DOCTYPE a [<!ENTITY b 'c'>]><a>&b;</a>").unwrap_err();
        assert!(error.message.contains("DOCTYPE"), "{}", error.message);
        let mut reader = XmlReader::new(b"<a b='&nope;'/>").unwrap();
        let Ok(Node::Open { element, offset }) = reader.next() else { panic!("an element") };
        assert!(attribute(&element, "b", offset).is_err());
    }

    #[test]
    fn lines_and_columns_count_characters() {
        let text = "ab\nçd\nef".as_bytes();
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 3));
        let mut lines = LineCounter::default();
        assert_eq!(lines.line_at(text, 4), 2);
        assert_eq!(lines.line_at(text, text.len()), 3);
        assert_eq!(lines.line_at(text, 0), 1);
    }
}
