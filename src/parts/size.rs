//! Sizes: the part after the dot (`large`, `24xlarge`, `metal-48xl`, `metal`).

use std::cmp::Ordering;
use std::fmt;

use crate::display::write_affixed;
use crate::error::ErrorKind;
use crate::inline_str::InlineStr;

/// The size of an instance type: the part after the dot.
///
/// Sizes order naturally: `nano < micro < small < medium < large < xlarge < 2xlarge <
/// ... < 48xlarge < metal-48xl < ... < metal`.
///
/// ```
/// use ec2_instance_type::Size;
///
/// let size: Size = "24xlarge".parse()?;
/// assert_eq!(size, Size::XLargeN(24));
/// assert_eq!(size.normalization_factor(), Some(192.0));
/// assert!(Size::Large < size && size < Size::Metal);
/// # Ok::<(), ec2_instance_type::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Size {
    /// `nano`.
    Nano,
    /// `micro`.
    Micro,
    /// `small`.
    Small,
    /// `medium`.
    Medium,
    /// `large`.
    Large,
    /// `xlarge`.
    XLarge,
    /// `Nxlarge` with N of 2 or more, such as `24xlarge`.
    XLargeN(u16),
    /// `metal`: bare metal, the whole host.
    Metal,
    /// `metal-Nxl` with N of 2 or more: bare metal of a given size, such as `metal-48xl`.
    MetalN(u16),
}

/// The sizes with a name of their own, in size order, with their normalization factors.
const NAMED: &[(Size, &str, f64)] = &[
    (Size::Nano, "nano", 0.25),
    (Size::Micro, "micro", 0.5),
    (Size::Small, "small", 1.0),
    (Size::Medium, "medium", 2.0),
    (Size::Large, "large", 4.0),
    (Size::XLarge, "xlarge", 8.0),
    (Size::Metal, "metal", f64::NAN),
];

/// Why a size token was refused, with a replacement when one is obvious.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SizeError {
    pub(crate) kind: ErrorKind,
    pub(crate) suggestion: Option<InlineStr<24>>,
}

impl SizeError {
    fn new(kind: ErrorKind) -> Self {
        Self {
            kind,
            suggestion: None,
        }
    }

    fn suggesting(kind: ErrorKind, parts: &[&str]) -> Self {
        Self {
            kind,
            suggestion: InlineStr::concat(parts),
        }
    }
}

impl Size {
    /// Classifies a whole size token such as `24xlarge` or `metal-48xl`: the parser's
    /// fast path, which says only what is wrong.
    pub(crate) fn from_bytes(token: &[u8]) -> Result<Size, ErrorKind> {
        // `Nxlarge` first: most names use it. Fixed-size array comparisons compile to a
        // few integer compares, where slice comparisons would call `memcmp`.
        if let Some((digits, b"xlarge")) = token.split_last_chunk::<6>() {
            return match digits {
                [] => Ok(Size::XLarge),
                _ if is_digits(digits) => multiplier(digits).map(Size::XLargeN),
                _ => Err(ErrorKind::UnknownSize),
            };
        }
        if let Some((b"metal-", rest)) = token.split_first_chunk::<6>() {
            return match rest.split_last_chunk::<2>() {
                Some((digits, b"xl")) if is_digits(digits) => multiplier(digits).map(Size::MetalN),
                _ if rest.is_empty() || rest == b"xl" => Err(ErrorKind::MissingMultiplier),
                _ => Err(ErrorKind::UnknownSize),
            };
        }
        match token {
            b"large" => Ok(Size::Large),
            b"metal" => Ok(Size::Metal),
            b"medium" => Ok(Size::Medium),
            b"small" => Ok(Size::Small),
            b"micro" => Ok(Size::Micro),
            b"nano" => Ok(Size::Nano),
            _ => Err(ErrorKind::UnknownSize),
        }
    }

    /// Classifies a size token, with a suggestion when it is refused and one is obvious.
    pub(crate) fn from_token(token: &str) -> Result<Size, SizeError> {
        Size::from_bytes(token.as_bytes()).map_err(|kind| suggest_for(token, kind))
    }

    /// The reserved-instance normalization factor: `nano` 0.25 ... `xlarge` 8, `Nxlarge`
    /// and `metal-Nxl` 8 × N. A bare `metal` has none from its name alone (the catalogue
    /// can tell it from the family's largest size).
    #[must_use]
    pub fn normalization_factor(&self) -> Option<f64> {
        match self {
            Size::Metal => None,
            Size::XLargeN(n) | Size::MetalN(n) => Some(8.0 * f64::from(*n)),
            named => NAMED
                .iter()
                .find(|(s, _, _)| s == named)
                .map(|(_, _, f)| *f),
        }
    }

    /// Whether the size is bare metal (`metal` or `metal-Nxl`).
    #[must_use]
    pub fn is_metal(&self) -> bool {
        matches!(self, Size::Metal | Size::MetalN(_))
    }

    /// Sort key: named sizes in order, then multiples by N (`48xlarge` before
    /// `metal-48xl`), then bare `metal` last.
    fn order_key(&self) -> (u8, u16, u8) {
        match self {
            Size::Nano => (0, 0, 0),
            Size::Micro => (1, 0, 0),
            Size::Small => (2, 0, 0),
            Size::Medium => (3, 0, 0),
            Size::Large => (4, 0, 0),
            Size::XLarge => (5, 1, 0),
            Size::XLargeN(n) => (5, *n, 0),
            Size::MetalN(n) => (5, *n, 1),
            Size::Metal => (6, 0, 0),
        }
    }
}

fn is_digits(digits: &[u8]) -> bool {
    !digits.is_empty() && digits.iter().all(u8::is_ascii_digit)
}

/// Checks a multiplier: no leading zero, at least 2, fits in `u16`.
fn multiplier(digits: &[u8]) -> Result<u16, ErrorKind> {
    if digits.len() > 1 && digits[0] == b'0' {
        return Err(ErrorKind::LeadingZero);
    }
    let mut value: u32 = 0;
    for digit in digits {
        value = value * 10 + u32::from(digit - b'0');
        if value > u32::from(u16::MAX) {
            return Err(ErrorKind::NumberTooLarge);
        }
    }
    match value {
        0 | 1 => Err(ErrorKind::MultiplierTooSmall),
        n => Ok(n as u16),
    }
}

/// The suggestion for a refused size token: without the leading zeros, `xlarge` for
/// `1xlarge`, `2xlarge` for `xxlarge`, the closest named size for a typo.
fn suggest_for(token: &str, kind: ErrorKind) -> SizeError {
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
        ErrorKind::UnknownSize => unknown_size_suggestion(token),
        ErrorKind::LeadingZero => {
            SizeError::suggesting(kind, &[prefix, digits.trim_start_matches('0'), suffix])
        }
        ErrorKind::MultiplierTooSmall if digits == "1" && prefix.is_empty() => {
            SizeError::suggesting(kind, &["xlarge"])
        }
        _ => SizeError::new(kind),
    }
}

/// The error for an unknown size token, suggesting `2xlarge` for `xxlarge` and the
/// closest named size for a typo.
fn unknown_size_suggestion(token: &str) -> SizeError {
    // Abbreviations people write: `xl`, `2xl`, `lg`, `med`.
    let digits = token.trim_end_matches(|c: char| !c.is_ascii_digit());
    let abbreviation = match &token[digits.len()..] {
        "xl" | "xlg" => Some("xlarge"),
        "lg" | "lrg" if digits.is_empty() => Some("large"),
        "med" | "md" if digits.is_empty() => Some("medium"),
        "sm" | "sml" if digits.is_empty() => Some("small"),
        _ => None,
    };
    if let Some(word) = abbreviation {
        let suggestion = SizeError::suggesting(ErrorKind::UnknownSize, &[digits, word]);
        if suggestion
            .suggestion
            .is_some_and(|s| Size::from_token(s.as_str()).is_ok())
        {
            return suggestion;
        }
    }
    let xs = token.bytes().take_while(|&b| b == b'x').count();
    if xs >= 2 && &token[xs..] == "large" {
        let mut buf = [0u8; 24];
        let text = write_affixed(&mut buf, "", xs as u32, "xlarge");
        return SizeError::suggesting(ErrorKind::UnknownSize, &[text]);
    }
    let closest = NAMED
        .iter()
        .map(|(_, name, _)| (edit_distance(token, name), *name))
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, _)| *distance);
    match closest {
        Some((_, name)) => SizeError::suggesting(ErrorKind::UnknownSize, &[name]),
        None => SizeError::new(ErrorKind::UnknownSize),
    }
}

/// Levenshtein distance for short ASCII words, without allocating; long inputs are far.
fn edit_distance(a: &str, b: &str) -> usize {
    const MAX: usize = 16;
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() >= MAX || b.len() >= MAX {
        return usize::MAX;
    }
    let mut row = [0usize; MAX];
    for (j, cell) in row.iter_mut().enumerate().take(b.len() + 1) {
        *cell = j;
    }
    for i in 1..=a.len() {
        let mut diagonal = row[0];
        row[0] = i;
        for j in 1..=b.len() {
            let above = row[j];
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (above + 1).min(row[j - 1] + 1).min(diagonal + cost);
            diagonal = above;
        }
    }
    row[b.len()]
}

impl Ord for Size {
    fn cmp(&self, other: &Self) -> Ordering {
        self.order_key().cmp(&other.order_key())
    }
}

impl PartialOrd for Size {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut buf = [0u8; 16];
        let text = match self {
            Size::XLargeN(n) => write_affixed(&mut buf, "", u32::from(*n), "xlarge"),
            Size::MetalN(n) => write_affixed(&mut buf, "metal-", u32::from(*n), "xl"),
            named => NAMED
                .iter()
                .find(|(s, _, _)| s == named)
                .map_or("", |(_, name, _)| name),
        };
        f.pad(text)
    }
}

impl std::str::FromStr for Size {
    type Err = crate::ParseError;

    /// Parses a size on its own, such as `24xlarge` or `metal-48xl`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.is_empty() {
            return Err(crate::ParseError::new(ErrorKind::Empty, 0, ""));
        }
        Size::from_token(s).map_err(|refused| {
            crate::ParseError::new(refused.kind, 0, s)
                .with_suggestion(refused.suggestion.as_ref().map(InlineStr::as_str))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{Size, edit_distance};
    use crate::error::ErrorKind;

    #[track_caller]
    fn refused(token: &str) -> (ErrorKind, Option<String>) {
        let err = Size::from_token(token).unwrap_err();
        (err.kind, err.suggestion.map(|s| s.as_str().to_owned()))
    }

    #[test]
    fn named_and_multiple_sizes_print_back() {
        for token in [
            "nano",
            "micro",
            "small",
            "medium",
            "large",
            "xlarge",
            "2xlarge",
            "480xlarge",
            "metal",
            "metal-48xl",
        ] {
            assert_eq!(Size::from_token(token).unwrap().to_string(), token);
        }
    }

    #[test]
    fn sizes_order_naturally() {
        let order = [
            "nano",
            "micro",
            "small",
            "medium",
            "large",
            "xlarge",
            "2xlarge",
            "12xlarge",
            "24xlarge",
            "metal-24xl",
            "48xlarge",
            "metal",
        ];
        let sizes: Vec<Size> = order.iter().map(|t| Size::from_token(t).unwrap()).collect();
        assert!(sizes.windows(2).all(|w| w[0] < w[1]), "{sizes:?}");
    }

    #[test]
    fn normalization_factors() {
        assert_eq!(Size::Nano.normalization_factor(), Some(0.25));
        assert_eq!(Size::XLarge.normalization_factor(), Some(8.0));
        assert_eq!(Size::XLargeN(224).normalization_factor(), Some(1792.0));
        assert_eq!(Size::MetalN(48).normalization_factor(), Some(384.0));
        assert_eq!(Size::Metal.normalization_factor(), None);
    }

    #[test]
    fn bad_sizes_say_why() {
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
        for (token, kind, suggestion) in cases {
            let expected = (*kind, suggestion.map(str::to_owned));
            assert_eq!(refused(token), expected, "{token}");
        }
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("xlarg", "xlarge"), 1);
        assert_eq!(edit_distance("large", "large"), 0);
        assert_eq!(edit_distance("abc", ""), 3);
    }
}
