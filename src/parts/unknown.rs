//! Text of a name part that this version of the crate does not recognise.

use std::fmt;

use crate::inline_str::InlineStr;

/// The text of a series or option this version of the crate does not know yet.
///
/// AWS adds new series and options over time. A name that uses one still parses; the
/// unfamiliar part is kept here, inline (no heap allocation), exactly as written.
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
pub struct UnknownPart(InlineStr<{ crate::InstanceType::MAX_LEN }>);

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
