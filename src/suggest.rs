//! Suggestions that rewrite the whole name: case, whitespace, look-alike characters, a
//! missing dot. Each candidate is offered only if it parses.

use crate::error::ErrorKind;
use crate::inline_str::InlineStr;

/// Parses a candidate; says how many of its parts are unknown, or `None` if it fails.
pub(crate) type Reparse = fn(&str) -> Option<usize>;

/// The longest input for which a whole-name suggestion is tried.
const MAX: usize = 64;

/// A corrected whole name for errors where one is obvious, checked with `reparses`.
pub(crate) fn whole_name(input: &str, kind: ErrorKind, reparses: Reparse) -> Option<InlineStr<64>> {
    let candidate = match kind {
        ErrorKind::Uppercase | ErrorKind::Whitespace | ErrorKind::NonAscii => normalized(input)?,
        ErrorKind::MissingDot => with_dot_inserted(input, reparses)?,
        _ => return None,
    };
    reparses(candidate.as_str()).map(|_| candidate)
}

/// `input` trimmed, lowercased, with look-alike characters replaced by ASCII.
fn normalized(input: &str) -> Option<InlineStr<64>> {
    let mut buf = [0u8; MAX];
    let mut len = 0;
    for c in input.trim().chars() {
        let ascii = look_alike(c)?;
        *buf.get_mut(len)? = ascii.to_ascii_lowercase();
        len += 1;
    }
    std::str::from_utf8(&buf[..len]).ok().map(InlineStr::new)
}

/// The ASCII character a character stands for: itself, or the letter or digit it looks
/// like (Cyrillic look-alikes, full-width forms). `None` when it stands for nothing.
fn look_alike(c: char) -> Option<u8> {
    if c.is_ascii() {
        return Some(c as u8);
    }
    let ascii = match c {
        'а' | 'А' => 'a',
        'с' | 'С' => 'c',
        'е' | 'Е' => 'e',
        'і' | 'І' => 'i',
        'м' | 'М' => 'm',
        'о' | 'О' => 'o',
        'р' | 'Р' => 'p',
        'т' | 'Т' => 't',
        'х' | 'Х' => 'x',
        'у' | 'У' => 'y',
        '\u{FF0E}' => '.',
        '\u{FF0D}' => '-',
        '\u{FF10}'..='\u{FF19}' => char::from(b'0' + (u32::from(c) - 0xFF10) as u8),
        '\u{FF41}'..='\u{FF5A}' => char::from(b'a' + (u32::from(c) - 0xFF41) as u8),
        '\u{FF21}'..='\u{FF3A}' => char::from(b'a' + (u32::from(c) - 0xFF21) as u8),
        _ => return None,
    };
    Some(ascii as u8)
}

/// The name made by inserting one `.` that parses with the fewest unknown parts
/// (`m7i-flex.large`, not `m7i-fle.xlarge`); the leftmost dot among equals.
fn with_dot_inserted(input: &str, reparses: Reparse) -> Option<InlineStr<64>> {
    (1..input.len())
        .filter(|&at| input.is_char_boundary(at))
        .filter_map(|at| InlineStr::<64>::concat(&[&input[..at], ".", &input[at..]]))
        .filter_map(|candidate| Some((reparses(candidate.as_str())?, candidate)))
        .min_by_key(|(unknown, _)| *unknown)
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ec2(s: &str) -> Option<usize> {
        crate::parse::decode(s)
            .ok()
            .map(|d| crate::InstanceType::from_decoded(s, d).unknown_part_count())
    }

    #[track_caller]
    fn suggested(input: &str, kind: ErrorKind) -> Option<String> {
        whole_name(input, kind, ec2).map(|s| s.as_str().to_owned())
    }

    #[test]
    fn suggests_lowercase_trimmed_and_ascii_forms() {
        assert_eq!(
            suggested("M5.Large", ErrorKind::Uppercase).as_deref(),
            Some("m5.large")
        );
        assert_eq!(
            suggested(" m5.large\n", ErrorKind::Whitespace).as_deref(),
            Some("m5.large")
        );
        assert_eq!(
            suggested("м5.large", ErrorKind::NonAscii).as_deref(),
            Some("m5.large")
        );
        assert_eq!(
            suggested("ｍ５．ｌａｒｇｅ", ErrorKind::NonAscii).as_deref(),
            Some("m5.large")
        );
        assert_eq!(suggested("m 5.large", ErrorKind::Whitespace), None);
    }

    #[test]
    fn suggests_a_missing_dot() {
        assert_eq!(
            suggested("m5large", ErrorKind::MissingDot).as_deref(),
            Some("m5.large")
        );
        assert_eq!(
            suggested("m7i-flexlarge", ErrorKind::MissingDot).as_deref(),
            Some("m7i-flex.large")
        );
        assert_eq!(
            suggested("m5xlarge", ErrorKind::MissingDot).as_deref(),
            Some("m5.xlarge")
        );
        assert_eq!(suggested("m5", ErrorKind::MissingDot), None);
    }
}
