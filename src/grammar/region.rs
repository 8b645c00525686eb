//! The grammar of region codes, and suggestions for malformed ones.

use std::str::FromStr;

use crate::edit_distance::edit_distance;
use crate::error::{ErrorKind, ParseError};
use crate::inline_str::InlineStr;
use crate::number;
use crate::region::{Region, known_codes};

/// Where `code` stops being a well-formed region code, or `None` when it is one.
///
/// ```text
/// region = word { "-" word } "-" number     (word = lower+, number = digit+ from 1,
///                                            at least two words)
/// ```
fn first_error(code: &str) -> Option<usize> {
    let bytes = code.as_bytes();
    if let Some(at) = bytes
        .iter()
        .position(|b| !(b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-'))
    {
        return Some(at);
    }
    let mut words = 0;
    let mut at = 0;
    for (i, part) in code.split('-').enumerate() {
        let last = at + part.len() == code.len();
        let ok = if last {
            words >= 2 && number::read(part.as_bytes(), 999).is_ok_and(|n| n > 0)
        } else {
            !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase())
        };
        if !ok {
            return Some(at.min(code.len().saturating_sub(1)));
        }
        words = i + 1;
        at += part.len() + 1;
    }
    None
}

/// A well-formed code close to `code`, known codes first: lowercased and trimmed, with a
/// `-` before the number, or a known code at most two edits away.
fn suggestion(code: &str) -> Option<InlineStr<{ Region::MAX_LEN }>> {
    let mut buf = [0u8; Region::MAX_LEN];
    let trimmed = code.trim();
    let slot = buf.get_mut(..trimmed.len())?;
    slot.copy_from_slice(trimmed.as_bytes());
    slot.make_ascii_lowercase();
    let lowered = std::str::from_utf8(slot).ok()?;
    let digits = lowered.len() - lowered.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (head, number) = lowered.split_at(lowered.len() - digits);
    let hyphenated = (digits > 0 && !head.ends_with('-'))
        .then(|| InlineStr::<{ Region::MAX_LEN }>::concat(&[head, "-", number]))
        .flatten();
    let rewritten = [Some(InlineStr::new(lowered)), hyphenated];
    let well_formed = || {
        rewritten
            .iter()
            .flatten()
            .filter(|c| first_error(c.as_str()).is_none())
    };
    let is_known = |c: &&InlineStr<{ Region::MAX_LEN }>| known_codes().any(|k| k == c.as_str());
    if let Some(known) = well_formed().find(is_known) {
        return Some(*known);
    }
    let closest = known_codes()
        .map(|known| (edit_distance(lowered, known), known))
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, known)| InlineStr::new(known));
    closest.or_else(|| well_formed().next().copied())
}

impl Region {
    /// Parses a region code strictly. The same as [`str::parse`].
    ///
    /// # Errors
    ///
    /// A code that is not well-formed: `""`, `"eu-west1"` (no `-` before the number),
    /// `"EU-WEST-1"` (upper case), `"west-1"`... Each error suggests the code meant
    /// when one is obvious.
    pub fn parse(code: &str) -> Result<Self, ParseError> {
        code.parse()
    }

    /// Parses a region code this version knows (botocore's 46), for input where a code
    /// from the future is more likely a typo.
    ///
    /// ```
    /// use ec2_instance_type::Region;
    ///
    /// assert!(Region::parse_known("eu-west-1").is_ok());
    /// let err = Region::parse_known("eu-wset-1").unwrap_err();
    /// assert_eq!(err.to_string(), "unknown region 'eu-wset-1', did you mean 'eu-west-1'");
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Region::parse`], and a well-formed code that is not known
    /// ([`ErrorKind::UnknownRegion`]), with the nearest known code as a suggestion.
    pub fn parse_known(code: &str) -> Result<Self, ParseError> {
        let region = Self::parse(code)?;
        if region.is_known() {
            return Ok(region);
        }
        let nearest = known_codes()
            .map(|known| (edit_distance(code, known), known))
            .filter(|(distance, _)| *distance <= 3)
            .min_by_key(|(distance, _)| *distance)
            .map(|(_, known)| known);
        Err(ParseError::new(ErrorKind::UnknownRegion, 0, code).with_suggestion(nearest))
    }
}

impl FromStr for Region {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.is_empty() {
            return Err(ParseError::new(ErrorKind::Empty, 0, ""));
        }
        if s.len() > Region::MAX_LEN {
            return Err(super::too_long(s, Region::MAX_LEN));
        }
        match first_error(s) {
            None => Ok(Region::from_valid(s)),
            Some(at) => {
                let suggested = suggestion(s);
                Err(ParseError::new(ErrorKind::InvalidRegion, at, s)
                    .with_suggestion(suggested.as_ref().map(InlineStr::as_str)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{first_error, suggestion};

    #[test]
    fn well_formed_codes() {
        for code in [
            "eu-west-1",
            "us-gov-west-1",
            "us-isob-east-1",
            "eusc-de-east-1",
            "xx-new-12",
        ] {
            assert_eq!(first_error(code), None, "{code}");
        }
        for (code, at) in [
            ("eu-west1", 3),
            ("west-1", 5),
            ("eu--west-1", 3),
            ("eu-west-01", 8),
            ("eu-west-0", 8),
            ("eu_west_1", 2),
            ("eu-west-", 7),
        ] {
            assert_eq!(first_error(code), Some(at), "{code}");
        }
    }

    #[test]
    fn suggests_the_code_meant() {
        let suggested = |code: &str| suggestion(code).map(|s| s.as_str().to_owned());
        assert_eq!(suggested("eu-west1").as_deref(), Some("eu-west-1"));
        assert_eq!(suggested("EU-WEST-1").as_deref(), Some("eu-west-1"));
        assert_eq!(suggested("us-esat-1").as_deref(), Some("us-east-1"));
        assert_eq!(suggested("xx-new1").as_deref(), Some("xx-new-1"));
        assert_eq!(suggested("mars"), None);
    }
}
