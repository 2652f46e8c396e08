//! PNG encoding of an image drawn in bands, each band filtered and
//! compressed on its own core.
//!
//! A PNG holds one zlib stream. Each band is compressed as raw deflate
//! ending on a byte boundary (a sync flush), so the bands' outputs joined
//! make one valid stream; their Adler-32 checksums are combined. The first
//! row of a band is filtered without looking at the row above it, which
//! another core drew, so every band is independent and the bytes do not
//! depend on how many cores did the work.

use flate2::{Compress, Compression, Crc, FlushCompress, Status};

/// How a band's pixels are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    /// RGB, for an image known to be opaque (the white page).
    Opaque,
    /// RGBA with straight alpha, for a transparent background.
    Transparent,
}

impl Color {
    fn bytes_per_pixel(self) -> usize {
        match self {
            Color::Opaque => 3,
            Color::Transparent => 4,
        }
    }
}

/// One band, filtered and compressed.
pub struct EncodedBand {
    deflate: Vec<u8>,
    adler: u32,
    raw_len: u64,
}

/// PNG filter types used here.
const FILTER_SUB: u8 = 1;
const FILTER_UP: u8 = 2;

/// Filters and compresses the rows of `rgba` (premultiplied, as tiny-skia
/// draws), `width` pixels each; `last` ends the zlib stream.
pub fn encode_band(
    rgba: &[u8],
    width: usize,
    color: Color,
    last: bool,
) -> Result<EncodedBand, String> {
    let pixel = color.bytes_per_pixel();
    let row_bytes = width * pixel;
    let rows = rgba.len() / (width * 4);
    let mut raw = Vec::with_capacity(rows * (row_bytes + 1));
    let mut previous = vec![0u8; row_bytes];
    let mut current = vec![0u8; row_bytes];
    for (index, source) in rgba.chunks_exact(width * 4).enumerate() {
        convert_row(source, color, &mut current);
        if index == 0 {
            raw.push(FILTER_SUB);
            raw.extend_from_slice(&current[..pixel]);
            raw.extend(
                current[pixel..]
                    .iter()
                    .zip(&current)
                    .map(|(byte, left)| byte.wrapping_sub(*left)),
            );
        } else {
            raw.push(FILTER_UP);
            raw.extend(
                current
                    .iter()
                    .zip(&previous)
                    .map(|(byte, up)| byte.wrapping_sub(*up)),
            );
        }
        std::mem::swap(&mut previous, &mut current);
    }
    let adler = simd_adler32::adler32(&raw.as_slice());
    Ok(EncodedBand {
        deflate: deflate(&raw, last)?,
        adler,
        raw_len: raw.len() as u64,
    })
}

/// A premultiplied RGBA row as RGB or straight RGBA.
fn convert_row(source: &[u8], color: Color, out: &mut [u8]) {
    match color {
        Color::Opaque => {
            for (rgb, rgba) in out.chunks_exact_mut(3).zip(source.chunks_exact(4)) {
                rgb.copy_from_slice(&rgba[..3]);
            }
        }
        Color::Transparent => {
            for (straight, rgba) in out.chunks_exact_mut(4).zip(source.chunks_exact(4)) {
                let alpha = u32::from(rgba[3]);
                for (to, from) in straight[..3].iter_mut().zip(&rgba[..3]) {
                    *to = match alpha {
                        0 => 0,
                        255 => *from,
                        _ => ((u32::from(*from) * 255 + alpha / 2) / alpha).min(255) as u8,
                    };
                }
                straight[3] = rgba[3];
            }
        }
    }
}

/// Raw deflate at the fastest level, ending on a byte boundary (or the
/// stream's final block when `last`).
fn deflate(raw: &[u8], last: bool) -> Result<Vec<u8>, String> {
    let mut compress = Compress::new(Compression::fast(), false);
    let mut out = Vec::with_capacity(raw.len() / 8 + 1024);
    let flush = if last {
        FlushCompress::Finish
    } else {
        FlushCompress::Sync
    };
    loop {
        out.reserve(64 * 1024);
        let consumed = compress.total_in() as usize;
        let status = compress
            .compress_vec(&raw[consumed..], &mut out, flush)
            .map_err(|e| format!("the PNG could not be compressed: {e}"))?;
        // A flush is complete once everything is read and room is left over.
        let flushed = compress.total_in() as usize == raw.len() && out.len() < out.capacity();
        if matches!(status, Status::StreamEnd) || (!last && flushed) {
            break;
        }
    }
    Ok(out)
}

/// Adler-32 of two pieces joined, from each piece's checksum and the
/// second's length (as zlib's adler32_combine).
fn combine_adler(first: u32, second: u32, second_len: u64) -> u32 {
    const BASE: u64 = 65_521;
    let remainder = second_len % BASE;
    let (a1, b1) = (u64::from(first & 0xffff), u64::from(first >> 16));
    let (a2, b2) = (u64::from(second & 0xffff), u64::from(second >> 16));
    let a = (a1 + a2 + BASE - 1) % BASE;
    let b = (remainder * a1 + b1 + b2 + BASE - remainder) % BASE;
    ((b << 16) | a) as u32
}

/// The whole file: signature, header, the bands' data, end.
pub fn assemble(width: u32, height: u32, color: Color, bands: &[EncodedBand]) -> Vec<u8> {
    let compressed: usize = bands.iter().map(|b| b.deflate.len()).sum();
    let mut stream = Vec::with_capacity(compressed + 6);
    stream.extend_from_slice(&[0x78, 0x01]);
    let mut adler = 1;
    for band in bands {
        stream.extend_from_slice(&band.deflate);
        adler = combine_adler(adler, band.adler, band.raw_len);
    }
    stream.extend_from_slice(&adler.to_be_bytes());

    let mut file = Vec::with_capacity(stream.len() + stream.len() / CHUNK + 64);
    file.extend_from_slice(b"\x89PNG\r\n\x1a\n");
    let mut header = Vec::with_capacity(13);
    header.extend_from_slice(&width.to_be_bytes());
    header.extend_from_slice(&height.to_be_bytes());
    let color_type = match color {
        Color::Opaque => 2,
        Color::Transparent => 6,
    };
    // 8 bits per channel, deflate, adaptive filtering, not interlaced.
    header.extend_from_slice(&[8, color_type, 0, 0, 0]);
    chunk(&mut file, b"IHDR", &header);
    for piece in stream.chunks(CHUNK) {
        chunk(&mut file, b"IDAT", piece);
    }
    chunk(&mut file, b"IEND", &[]);
    file
}

/// Largest IDAT chunk written.
const CHUNK: usize = 1 << 20;

fn chunk(file: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    file.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let mut crc = Crc::new();
    crc.update(kind);
    crc.update(data);
    file.extend_from_slice(kind);
    file.extend_from_slice(data);
    file.extend_from_slice(&crc.sum().to_be_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn combined_adler_equals_the_adler_of_the_joined_bytes() {
        let first: Vec<u8> = (0..70_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let second: Vec<u8> = (0..130_001u32).map(|i| (i * 13 % 241) as u8).collect();
        let joined: Vec<u8> = first.iter().chain(&second).copied().collect();
        assert_eq!(
            combine_adler(
                simd_adler32::adler32(&first.as_slice()),
                simd_adler32::adler32(&second.as_slice()),
                second.len() as u64
            ),
            simd_adler32::adler32(&joined.as_slice())
        );
    }
}
