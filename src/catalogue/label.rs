//! `Label`: a text of the catalogue's sources, stored once and referred to by number.

use std::fmt;
use std::sync::{PoisonError, RwLock};

use super::texts::LABELS;

/// A text from the catalogue's sources, such as `"NVIDIA"` or `"Up to 10 Gigabit"`.
///
/// Each distinct text is stored once and entries refer to it, which keeps the table
/// small. Compare it with a `&str`, print it, or take [`as_str`](Label::as_str).
///
/// ```
/// let specs = ec2_instance_type::catalogue::get("p3dn.24xlarge").unwrap().specs.unwrap();
/// let gpu = specs.gpu.unwrap();
/// assert_eq!(gpu.model, "V100");
/// assert_eq!(gpu.manufacturer.as_str(), "NVIDIA");
/// assert_eq!(specs.network.performance.to_string(), "100 Gigabit");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Label(pub(crate) u16);

/// Texts of owned catalogues that the bundled ones lack (a GPU model AWS released after
/// the snapshot), numbered after the bundled ones. Each distinct text is kept once for the
/// life of the process, so memory is bounded by the number of distinct texts seen, not by
/// how many catalogues are built.
static INTERNED: RwLock<Vec<&'static str>> = RwLock::new(Vec::new());

impl Label {
    /// The text.
    #[must_use]
    pub fn as_str(&self) -> &'static str {
        let index = usize::from(self.0);
        match LABELS.get(index) {
            Some(text) => text,
            None => INTERNED
                .read()
                .unwrap_or_else(PoisonError::into_inner)
                .get(index - LABELS.len())
                .copied()
                .unwrap_or_default(),
        }
    }

    /// The label of `text`: the bundled one when it exists, else one interned for the
    /// process. `None` when 65,536 labels are in use.
    #[cfg_attr(not(feature = "overlay"), allow(dead_code))]
    pub(crate) fn intern(text: &str) -> Option<Label> {
        if let Some(i) = LABELS.iter().position(|l| *l == text) {
            return u16::try_from(i).ok().map(Label);
        }
        let find = |interned: &[&'static str]| {
            interned
                .iter()
                .position(|l| *l == text)
                .and_then(|i| u16::try_from(i + LABELS.len()).ok())
        };
        if let Some(i) = find(&INTERNED.read().unwrap_or_else(PoisonError::into_inner)) {
            return Some(Label(i));
        }
        let mut interned = INTERNED.write().unwrap_or_else(PoisonError::into_inner);
        if let Some(i) = find(&interned) {
            return Some(Label(i));
        }
        let number = u16::try_from(interned.len() + LABELS.len()).ok()?;
        interned.push(Box::leak(text.to_owned().into_boxed_str()));
        Some(Label(number))
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl fmt::Debug for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl AsRef<str> for Label {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<str> for Label {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Label {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}
