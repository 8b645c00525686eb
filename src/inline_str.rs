//! A short string stored inline, so parsing and errors never touch the heap.

use std::fmt;

use arrayvec::ArrayString;

/// Up to `N` bytes of UTF-8 text, stored inline.
///
/// Text longer than `N` bytes is cut at the last character boundary that fits. Backed by
/// `arrayvec::ArrayString`, which hands out `&str` without validating the bytes again
/// (this crate forbids the `unsafe` that would take).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub(crate) struct InlineStr<const N: usize>(ArrayString<N>);

impl<const N: usize> InlineStr<N> {
    /// Copies `text`, cut to at most `N` bytes on a character boundary.
    #[inline]
    pub(crate) fn new(text: &str) -> Self {
        let mut end = text.len().min(N);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let mut inner = ArrayString::new();
        inner.push_str(&text[..end]);
        Self(inner)
    }

    /// Copies the concatenation of `parts`, or `None` if it does not fit.
    pub(crate) fn concat(parts: &[&str]) -> Option<Self> {
        let mut inner = ArrayString::new();
        for part in parts {
            inner.try_push_str(part).ok()?;
        }
        Some(Self(inner))
    }

    /// The text.
    pub(crate) fn as_str(&self) -> &str {
        self.0.as_str()
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
