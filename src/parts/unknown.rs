//! Text of a name part that this version of the crate does not recognise.

use std::fmt;

use crate::inline_str::InlineStr;
use crate::limits::NAME_MAX_LEN;

/// The text of a series or option this version of the crate does not know yet.
///
/// AWS adds new series and options over time. A name that uses one still parses; the
/// unfamiliar part is kept here, inline (no heap allocation), exactly as written. Only
/// the parser makes one, so it never holds text that a known value stands for.
///
/// ```
/// use ec2_instance_type::{InstanceType, Series};
///
/// let it: InstanceType = "zz9.large".parse()?;
/// let Series::Other(text) = it.series() else { panic!("zz is not a known series") };
/// assert_eq!(text.as_str(), "zz");
/// # Ok::<(), ec2_instance_type::ParseError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownPart(InlineStr<NAME_MAX_LEN>);

impl UnknownPart {
    pub(crate) fn new(text: &str) -> Self {
        Self(InlineStr::new(text))
    }

    /// The part as written in the name.
    #[must_use]
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl fmt::Debug for UnknownPart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for UnknownPart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl AsRef<str> for UnknownPart {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

/// A capability letter this version of the crate does not know yet (`s` in `g3s`).
///
/// Only the parser makes one, so it never holds a letter a known
/// [`Capability`](crate::Capability) stands for.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownLetter(u8);

/// Every lowercase letter, so that a letter can be lent as a `&'static str`.
const ALPHABET: &str = "abcdefghijklmnopqrstuvwxyz";

impl UnknownLetter {
    /// `None` unless `letter` is an ASCII lowercase letter.
    pub(crate) fn new(letter: u8) -> Option<Self> {
        letter.is_ascii_lowercase().then_some(Self(letter))
    }

    /// The letter.
    #[must_use]
    pub fn as_char(&self) -> char {
        char::from(self.0)
    }

    /// The letter as text.
    #[must_use]
    pub fn as_str(&self) -> &'static str {
        let at = usize::from(self.0.saturating_sub(b'a'));
        ALPHABET.get(at..=at).unwrap_or_default()
    }
}

impl fmt::Debug for UnknownLetter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.as_char(), f)
    }
}

impl fmt::Display for UnknownLetter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}
