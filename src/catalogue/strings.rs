//! `Texts`: the texts an owned catalogue adds to the bundled ones (a GPU model AWS released
//! after the snapshot, the name of the user's file), owned by that catalogue.

use super::stored::Label;
use super::texts::LABELS;

/// The texts of one catalogue beyond the bundled ones, numbered after them. Dropped with
/// the catalogue: building many catalogues keeps nothing for the life of the process.
#[derive(Debug, Clone, Default)]
pub(crate) struct Texts(Vec<Box<str>>);

impl Texts {
    /// No texts beyond the bundled ones.
    pub(crate) const fn new() -> Self {
        Self(Vec::new())
    }

    /// The text of `label`; empty for a label of no text (never made by this crate).
    pub(crate) fn get(&self, label: Label) -> &str {
        let index = usize::from(label.0);
        match LABELS.get(index) {
            Some(text) => text,
            None => self.0.get(index - LABELS.len()).map_or("", |text| &**text),
        }
    }
}

/// What gives a text its label: a catalogue's [`Texts`], or the generator's numbering of
/// the texts it writes.
#[cfg(feature = "overlay")]
pub(crate) trait Intern {
    /// The label of `text`; `None` when no label is left for it.
    fn intern(&mut self, text: &str) -> Option<Label>;
}

#[cfg(feature = "overlay")]
impl Intern for Texts {
    /// The label of `text`: the bundled one where it exists, else this catalogue's own.
    /// `None` when all 65,536 labels are in use.
    fn intern(&mut self, text: &str) -> Option<Label> {
        if let Some(i) = LABELS.iter().position(|l| *l == text) {
            return u16::try_from(i).ok().map(Label);
        }
        if let Some(i) = self.0.iter().position(|l| &**l == text) {
            return u16::try_from(i + LABELS.len()).ok().map(Label);
        }
        let label = u16::try_from(self.0.len() + LABELS.len()).ok()?;
        self.0.push(text.into());
        Some(Label(label))
    }
}
