//! Suggestions for refused input: a size spelt another way (`xxlarge` -> `2xlarge`), or
//! the whole name rewritten (case, whitespace, look-alike characters, a missing dot).
//! Every whole-name candidate is offered only if the grammar accepts it.

use super::rules;
use crate::InstanceType;
use crate::display::write_affixed;
use crate::edit_distance::edit_distance;
use crate::error::ErrorKind;
use crate::inline_str::InlineStr;
use crate::parts::{Capability, InstanceOption, Size};

/// The text of a suggestion.
pub(crate) type Suggestion = InlineStr<64>;

/// The longest input for which a whole-name suggestion is tried.
const MAX: usize = 64;

/// What the input was read as: the grammar a candidate must pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// An EC2 name (`m5.large`).
    Ec2,
    /// A plain or service-wrapped name (`db.r6g.large`).
    Service,
    /// A family alone (`m5d`).
    Family,
}

/// The suggestion for a failure of `kind` on `found` in `input` read as `form`, if one is
/// obvious.
pub(crate) fn suggestion(
    input: &str,
    kind: ErrorKind,
    found: &str,
    form: Form,
) -> Option<Suggestion> {
    // A failure on a size token is the size's own to correct.
    if rules::size_key(found.as_bytes()) == Err(kind) {
        return size(found, kind);
    }
    whole_name(input, kind, form)
}

/// A replacement for a refused size token: without leading zeros, `xlarge` for
/// `1xlarge`, `2xlarge` for `xxlarge`, the full word for an abbreviation (`xl`, `lg`),
/// the closest named size for a typo.
pub(crate) fn size(token: &str, kind: ErrorKind) -> Option<Suggestion> {
    let (prefix, digits, suffix) = match token
        .strip_prefix("metal-")
        .and_then(|r| r.strip_suffix("xl"))
    {
        Some(digits) => ("metal-", digits, "xl"),
        None => (
            "",
            token.strip_suffix("xlarge").unwrap_or_default(),
            "xlarge",
        ),
    };
    match kind {
        ErrorKind::UnknownSize => unknown_size(token),
        ErrorKind::LeadingZero => {
            InlineStr::concat(&[prefix, digits.trim_start_matches('0'), suffix])
        }
        ErrorKind::MultiplierTooSmall if digits == "1" && prefix.is_empty() => {
            InlineStr::concat(&["xlarge"])
        }
        _ => None,
    }
}

/// The replacement for an unknown size token.
fn unknown_size(token: &str) -> Option<Suggestion> {
    // Abbreviations people write: `xl`, `2xl`, `lg`, `med`.
    let digits = token.trim_end_matches(|c: char| !c.is_ascii_digit());
    let word = match &token[digits.len()..] {
        "xl" | "xlg" => Some("xlarge"),
        "lg" | "lrg" if digits.is_empty() => Some("large"),
        "med" | "md" if digits.is_empty() => Some("medium"),
        "sm" | "sml" if digits.is_empty() => Some("small"),
        _ => None,
    };
    if let Some(candidate) = word.and_then(|w| InlineStr::<64>::concat(&[digits, w])) {
        if rules::size_key(candidate.as_str().as_bytes()).is_ok() {
            return Some(candidate);
        }
    }
    let xs = token.bytes().take_while(|&b| b == b'x').count();
    if xs >= 2 && &token[xs..] == "large" {
        let mut buf = [0u8; 24];
        return InlineStr::concat(&[write_affixed(&mut buf, "", xs as u32, "xlarge")]);
    }
    Size::known()
        .map(|size| (edit_distance(token, size.as_str()), size))
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, _)| *distance)
        .and_then(|(_, size)| InlineStr::concat(&[size.as_str()]))
}

/// A corrected whole name for errors where one is obvious.
fn whole_name(input: &str, kind: ErrorKind, form: Form) -> Option<Suggestion> {
    let candidate = match kind {
        ErrorKind::Uppercase | ErrorKind::Whitespace | ErrorKind::NonAscii => normalized(input)?,
        ErrorKind::MissingDot if form != Form::Family => with_dot_inserted(input, form)?,
        _ => return None,
    };
    unknown_parts(candidate.as_str(), form).map(|_| candidate)
}

/// Parses a candidate with the grammar; says how many of its parts are unknown, or
/// `None` if it does not parse.
fn unknown_parts(candidate: &str, form: Form) -> Option<usize> {
    let (name, parts) = match form {
        Form::Service => {
            let decoded = rules::decode_service(candidate).ok()?;
            let (start, end) = decoded.name_span;
            let name = candidate.get(usize::from(start)..usize::from(end))?;
            (name, decoded.name)
        }
        Form::Ec2 => (candidate, rules::decode(candidate).ok()?),
        // A family has no size to rank by: any that passes will do.
        Form::Family => return rules::decode_family(candidate).ok().map(|()| 0),
    };
    Some(unknown_part_count(&InstanceType::from_parts(name, parts)))
}

/// How many of the series, capability letters and options this crate does not know.
fn unknown_part_count(it: &InstanceType) -> usize {
    let series = usize::from(!it.series().is_known());
    let letters = it
        .capabilities()
        .filter(|c| matches!(c, Capability::Other(_)))
        .count();
    let options = it
        .options()
        .filter(|o| matches!(o, InstanceOption::Other(_)))
        .count();
    series + letters + options
}

/// `input` trimmed, lowercased, with look-alike characters replaced by ASCII.
fn normalized(input: &str) -> Option<Suggestion> {
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
fn with_dot_inserted(input: &str, form: Form) -> Option<Suggestion> {
    (1..input.len())
        .filter(|&at| input.is_char_boundary(at))
        .filter_map(|at| InlineStr::<64>::concat(&[&input[..at], ".", &input[at..]]))
        .filter_map(|candidate| Some((unknown_parts(candidate.as_str(), form)?, candidate)))
        .min_by_key(|(unknown, _)| *unknown)
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn suggested(input: &str, kind: ErrorKind) -> Option<String> {
        whole_name(input, kind, Form::Ec2).map(|s| s.as_str().to_owned())
    }

    #[track_caller]
    fn size_suggested(token: &str, kind: ErrorKind) -> Option<String> {
        size(token, kind).map(|s| s.as_str().to_owned())
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

    #[test]
    fn bad_sizes_get_their_replacement() {
        let cases: &[(&str, ErrorKind, Option<&str>)] = &[
            ("xxlarge", ErrorKind::UnknownSize, Some("2xlarge")),
            ("xxxlarge", ErrorKind::UnknownSize, Some("3xlarge")),
            ("xlarg", ErrorKind::UnknownSize, Some("xlarge")),
            ("medum", ErrorKind::UnknownSize, Some("medium")),
            ("huge", ErrorKind::UnknownSize, None),
            ("xl", ErrorKind::UnknownSize, Some("xlarge")),
            ("24xl", ErrorKind::UnknownSize, Some("24xlarge")),
            ("lg", ErrorKind::UnknownSize, Some("large")),
            ("1xl", ErrorKind::UnknownSize, None),
            ("1xlarge", ErrorKind::MultiplierTooSmall, Some("xlarge")),
            ("0xlarge", ErrorKind::MultiplierTooSmall, None),
            ("02xlarge", ErrorKind::LeadingZero, Some("2xlarge")),
            ("99999xlarge", ErrorKind::NumberTooLarge, None),
            ("metal-xl", ErrorKind::MissingMultiplier, None),
            ("metal-1xl", ErrorKind::MultiplierTooSmall, None),
            ("metal-024xl", ErrorKind::LeadingZero, Some("metal-24xl")),
        ];
        for (token, kind, expected) in cases {
            assert_eq!(rules::size_key(token.as_bytes()), Err(*kind), "{token}");
            assert_eq!(
                size_suggested(token, *kind).as_deref(),
                *expected,
                "{token}"
            );
        }
    }
}
