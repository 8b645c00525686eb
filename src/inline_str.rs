//! A short string stored inline, so parsing and errors never touch the heap.

use std::fmt;

/// Up to `N` bytes of UTF-8 text, stored inline.
///
/// Text longer than `N` bytes is cut at the last character boundary that fits.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct InlineStr<const N: usize> {
    bytes: [u8; N],
    len: u8,
}

impl<const N: usize> InlineStr<N> {
    /// The empty string.
    pub(crate) const EMPTY: Self = Self {
        bytes: [0; N],
        len: 0,
    };

    /// Copies `text`, cut to at most `N` bytes on a character boundary.
    pub(crate) fn new(text: &str) -> Self {
        let mut end = text.len().min(N).min(usize::from(u8::MAX));
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let mut bytes = [0; N];
        bytes[..end].copy_from_slice(&text.as_bytes()[..end]);
        Self {
            bytes,
            len: end as u8,
        }
    }

    /// Copies `text` in a `const` context (the generated catalogue table); text longer
    /// than `N` bytes is cut, so callers pass ASCII names within the bound.
    #[cfg(feature = "catalogue")]
    pub(crate) const fn from_ascii(text: &str) -> Self {
        let src = text.as_bytes();
        let mut bytes = [0; N];
        let mut i = 0;
        while i < src.len() && i < N && i < 255 {
            bytes[i] = src[i];
            i += 1;
        }
        Self {
            bytes,
            len: i as u8,
        }
    }

    /// Copies the concatenation of `parts`, or `None` if it does not fit.
    pub(crate) fn concat(parts: &[&str]) -> Option<Self> {
        let total: usize = parts.iter().map(|p| p.len()).sum();
        if total > N || total > usize::from(u8::MAX) {
            return None;
        }
        let mut bytes = [0; N];
        let mut at = 0;
        for part in parts {
            bytes[at..at + part.len()].copy_from_slice(part.as_bytes());
            at += part.len();
        }
        Some(Self {
            bytes,
            len: total as u8,
        })
    }

    /// The text.
    pub(crate) fn as_str(&self) -> &str {
        // Only whole UTF-8 strings cut on character boundaries are stored.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl<const N: usize> Default for InlineStr<N> {
    fn default() -> Self {
        Self::EMPTY
    }
}

impl<const N: usize> fmt::Debug for InlineStr<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl<const N: usize> fmt::Display for InlineStr<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::InlineStr;

    #[test]
    fn keeps_short_text() {
        assert_eq!(InlineStr::<8>::new("m5").as_str(), "m5");
    }

    #[test]
    fn cuts_on_a_char_boundary() {
        // 'м' is two bytes; three bytes hold one of them and not half of the next.
        assert_eq!(InlineStr::<3>::new("мм").as_str(), "м");
    }

    #[test]
    fn concat_refuses_what_does_not_fit() {
        assert_eq!(
            InlineStr::<4>::concat(&["ab", "cd"]).unwrap().as_str(),
            "abcd"
        );
        assert!(InlineStr::<4>::concat(&["ab", "cde"]).is_none());
    }
}
