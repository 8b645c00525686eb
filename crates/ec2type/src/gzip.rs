//! Input that may be gzip-compressed, as AWS delivers reports and price lists.

use std::io::{self, BufRead, BufReader, Read};

/// `raw`, buffered, and decompressed when it starts with gzip's magic bytes.
pub fn maybe_gzip<'a>(raw: impl Read + 'a) -> io::Result<Box<dyn BufRead + 'a>> {
    let mut raw = BufReader::with_capacity(1 << 16, raw);
    let gzip = raw.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    Ok(if gzip {
        let decoder = flate2::read::MultiGzDecoder::new(raw);
        Box::new(BufReader::with_capacity(1 << 16, decoder))
    } else {
        Box::new(raw)
    })
}
