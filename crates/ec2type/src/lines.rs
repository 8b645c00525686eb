//! Bounded line reading for every `-` reader: a line over [`MAX_LINE`] bytes is skipped and
//! reported by number, a line that is not UTF-8 is reported and the next one read, and at
//! most one line is held in memory.

use std::io::{self, BufRead};

/// The longest line read; longer ones are reported and skipped.
pub const MAX_LINE: usize = 1 << 20;

/// The most bytes of input an error message quotes.
pub const MAX_QUOTED: usize = 80;

/// Why a line was not given to the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skipped {
    /// Longer than [`MAX_LINE`] bytes.
    TooLong,
    /// Not UTF-8.
    NotUtf8,
}

impl Skipped {
    /// The message for line `number`.
    pub fn message(self, number: u64) -> String {
        match self {
            Skipped::TooLong => format!("line {number}: longer than {MAX_LINE} bytes, skipped"),
            Skipped::NotUtf8 => format!("line {number}: not UTF-8, skipped"),
        }
    }
}

/// `text` cut to at most [`MAX_QUOTED`] bytes on a character boundary, with `...` when cut.
pub fn quoted(text: &str) -> String {
    if text.len() <= MAX_QUOTED {
        return text.to_owned();
    }
    let mut end = MAX_QUOTED;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}...", &text[..end])
}

/// Calls `each` with every line of `input` (1-based number, the line without its `\n` or
/// `\r\n`), or with why it was skipped. Stops at the first error `each` returns.
pub fn for_each_line(
    mut input: impl BufRead,
    mut each: impl FnMut(u64, Result<&str, Skipped>) -> io::Result<()>,
) -> io::Result<()> {
    let mut line: Vec<u8> = Vec::new();
    let mut number = 0u64;
    loop {
        line.clear();
        let mut too_long = false;
        let mut read_any = false;
        loop {
            let buffer = input.fill_buf()?;
            if buffer.is_empty() {
                break;
            }
            read_any = true;
            let (chunk, found_newline) = match buffer.iter().position(|b| *b == b'\n') {
                Some(at) => (&buffer[..at], true),
                None => (buffer, false),
            };
            if !too_long {
                if line.len() + chunk.len() > MAX_LINE {
                    too_long = true;
                    line.clear();
                } else {
                    line.extend_from_slice(chunk);
                }
            }
            let used = chunk.len() + usize::from(found_newline);
            input.consume(used);
            if found_newline {
                break;
            }
        }
        if !read_any {
            return Ok(());
        }
        number += 1;
        if too_long {
            each(number, Err(Skipped::TooLong))?;
            continue;
        }
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        match std::str::from_utf8(&line) {
            Ok(text) => each(number, Ok(text))?,
            Err(_) => each(number, Err(Skipped::NotUtf8))?,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{MAX_LINE, Skipped, for_each_line, quoted};

    fn lines(input: &[u8]) -> Vec<(u64, Result<String, Skipped>)> {
        let mut seen = Vec::new();
        for_each_line(input, |n, line| {
            seen.push((n, line.map(str::to_owned)));
            Ok(())
        })
        .unwrap();
        seen
    }

    #[test]
    fn reads_lines_and_reports_bad_ones_by_number() {
        let mut input = b"m5.large\r\n\xff\xfe\nc5.xlarge".to_vec();
        input.extend(b"\n");
        input.extend(vec![b'x'; MAX_LINE + 1]);
        input.extend(b"\nr6g.large\n");
        assert_eq!(
            lines(&input),
            [
                (1, Ok("m5.large".to_owned())),
                (2, Err(Skipped::NotUtf8)),
                (3, Ok("c5.xlarge".to_owned())),
                (4, Err(Skipped::TooLong)),
                (5, Ok("r6g.large".to_owned())),
            ]
        );
    }

    #[test]
    fn quotes_at_most_80_bytes() {
        assert_eq!(quoted("short"), "short");
        let long = "é".repeat(100);
        let cut = quoted(&long);
        assert!(cut.len() <= 83 && cut.ends_with("..."), "{cut}");
    }
}
