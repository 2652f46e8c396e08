//! Escaping text for XML (SVG, DrawingML, draw.io), so a name such as
//! `<b>&"x"</b>` stays literal text and never breaks the file around it.

/// `text` made safe for XML element content and attribute values.
///
/// Markup characters become entities; line breaks and tabs become character
/// references (so they survive in attributes too); characters XML 1.0 forbids
/// (other control characters, unpaired noncharacters) become U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_escaped(&mut out, text);
    out
}

/// Appends `text`, escaped as by [`escape`], to `out`.
pub fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if is_forbidden(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

fn is_forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_and_quotes_become_entities() {
        assert_eq!(
            escape(r#"<b>&"x"</b>'"#),
            "&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;&apos;"
        );
    }

    #[test]
    fn other_scripts_pass_through_and_control_characters_do_not() {
        assert_eq!(escape("製品 Ürün عربي"), "製品 Ürün عربي");
        assert_eq!(escape("a\u{1}b\nc"), "a\u{FFFD}b&#10;c");
    }
}
