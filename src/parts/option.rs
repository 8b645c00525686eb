//! Options: the hyphenated tokens of a family (`flex`, `6tb`, `gb200`, `m4pro`).

use std::fmt;

use super::{Processor, UnknownPart};

/// A hyphenated option of a family: `flex` in `m7i-flex`, `6tb` in `u-6tb1`, `gb200` in
/// `p6e-gb200`, `m2pro` in `mac2-m2pro`.
///
/// Options AWS adds later parse as [`InstanceOption::Other`], keeping their text.
///
/// ```
/// use ec2_instance_type::{AppleChip, InstanceOption, InstanceType};
///
/// let it = InstanceType::parse("mac2-m2pro.metal")?;
/// assert_eq!(it.options().next(), Some(InstanceOption::Apple(AppleChip::M2Pro)));
/// let it = InstanceType::parse("u7in-16tb.224xlarge")?;
/// assert_eq!(it.options().next(), Some(InstanceOption::MemoryTib(16)));
/// # Ok::<(), ec2_instance_type::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum InstanceOption {
    /// `flex`: Flex instances, baseline performance with bursts, lower price.
    Flex,
    /// `6tb`, `12tb`: the instance's memory in TiB (high memory `u` series).
    MemoryTib(u16),
    /// `b200`, `gb200`: the NVIDIA GPU platform.
    Nvidia(NvidiaChip),
    /// `m2pro`, `m4`: the Apple chip.
    Apple(AppleChip),
    /// An option this version of the crate does not know, as written.
    Other(UnknownPart),
}

/// An NVIDIA GPU platform named by an option.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    strum::Display,
    strum::IntoStaticStr,
    strum::EnumIter,
)]
#[strum(serialize_all = "lowercase")]
#[non_exhaustive]
pub enum NvidiaChip {
    /// NVIDIA B200 (Blackwell).
    B200,
    /// NVIDIA B300 (Blackwell Ultra).
    B300,
    /// NVIDIA GB200 Grace Blackwell superchip.
    Gb200,
}

/// An Apple chip named by an option.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    strum::Display,
    strum::IntoStaticStr,
    strum::EnumIter,
)]
#[strum(serialize_all = "lowercase")]
#[non_exhaustive]
pub enum AppleChip {
    /// Apple M1 Ultra.
    M1Ultra,
    /// Apple M2.
    M2,
    /// Apple M2 Pro.
    M2Pro,
    /// Apple M3 Ultra.
    M3Ultra,
    /// Apple M4.
    M4,
    /// Apple M4 Pro.
    M4Pro,
    /// Apple M4 Max.
    M4Max,
}

impl InstanceOption {
    /// Classifies an option token as written, without its `-` (`"flex"`, `"6tb"`);
    /// tokens that are not known become [`InstanceOption::Other`], keeping the text.
    #[must_use]
    pub fn from_token(token: &str) -> Self {
        match token {
            "flex" => return InstanceOption::Flex,
            "b200" => return InstanceOption::Nvidia(NvidiaChip::B200),
            "b300" => return InstanceOption::Nvidia(NvidiaChip::B300),
            "gb200" => return InstanceOption::Nvidia(NvidiaChip::Gb200),
            "m1ultra" => return InstanceOption::Apple(AppleChip::M1Ultra),
            "m2" => return InstanceOption::Apple(AppleChip::M2),
            "m2pro" => return InstanceOption::Apple(AppleChip::M2Pro),
            "m3ultra" => return InstanceOption::Apple(AppleChip::M3Ultra),
            "m4" => return InstanceOption::Apple(AppleChip::M4),
            "m4pro" => return InstanceOption::Apple(AppleChip::M4Pro),
            "m4max" => return InstanceOption::Apple(AppleChip::M4Max),
            _ => {}
        }
        if let Some(tib) = token.strip_suffix("tb").and_then(parse_canonical_number) {
            return InstanceOption::MemoryTib(tib);
        }
        InstanceOption::Other(UnknownPart::new(token))
    }

    /// A one-line description, or `None` for an unknown option.
    #[must_use]
    pub fn description(&self) -> Option<&'static str> {
        match self {
            InstanceOption::Flex => Some("Flex: baseline performance with bursts, lower price"),
            InstanceOption::MemoryTib(_) => Some("memory in TiB"),
            InstanceOption::Nvidia(_) => Some("NVIDIA GPU platform"),
            InstanceOption::Apple(_) => Some("Apple chip"),
            InstanceOption::Other(_) => None,
        }
    }

    /// The processor the option names, if any (Apple chips).
    #[must_use]
    pub fn processor(&self) -> Option<Processor> {
        match self {
            InstanceOption::Apple(_) => Some(Processor::Apple),
            _ => None,
        }
    }
}

/// Parses digits with no sign and no leading zero into a `u16`.
fn parse_canonical_number(digits: &str) -> Option<u16> {
    let canonical = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !(digits.len() > 1 && digits.starts_with('0'));
    if canonical { digits.parse().ok() } else { None }
}

impl fmt::Display for InstanceOption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InstanceOption::Flex => f.pad("flex"),
            InstanceOption::MemoryTib(tib) => {
                // Format into a stack buffer so width and alignment apply to the whole.
                let mut buf = [0u8; 8];
                let text =
                    crate::display::write_number_with_suffix(&mut buf, u32::from(*tib), "tb");
                f.pad(text)
            }
            InstanceOption::Nvidia(chip) => f.pad(chip.into()),
            InstanceOption::Apple(chip) => f.pad(chip.into()),
            InstanceOption::Other(text) => f.pad(text.as_str()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{AppleChip, InstanceOption, NvidiaChip};
    use strum::IntoEnumIterator;

    #[test]
    fn known_tokens_print_back() {
        for token in [
            "flex", "6tb", "12tb", "b200", "b300", "gb200", "m2", "m2pro", "m1ultra",
        ] {
            let option = InstanceOption::from_token(token);
            assert!(!matches!(option, InstanceOption::Other(_)), "{token}");
            assert_eq!(option.to_string(), token);
        }
        for chip in AppleChip::iter() {
            let token = chip.to_string();
            assert_eq!(
                InstanceOption::from_token(&token),
                InstanceOption::Apple(chip)
            );
        }
        for chip in NvidiaChip::iter() {
            let token = chip.to_string();
            assert_eq!(
                InstanceOption::from_token(&token),
                InstanceOption::Nvidia(chip)
            );
        }
    }

    #[test]
    fn odd_memory_is_kept_as_written() {
        for token in ["06tb", "tb", "99999tb"] {
            let option = InstanceOption::from_token(token);
            assert!(matches!(option, InstanceOption::Other(_)), "{token}");
            assert_eq!(option.to_string(), token);
        }
    }
}
