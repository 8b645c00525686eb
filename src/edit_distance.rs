//! Levenshtein distance for the short words of suggestions.

/// The longest word a suggestion is worked out for, in bytes (commitment names such as
/// `sp-ec2-instance-3yr-partial-upfront` are the longest words).
const MAX: usize = 40;

/// The edit distance of two short ASCII words, without allocating; words of [`MAX`] bytes
/// or more are "far" (`usize::MAX`).
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
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

/// The word of `words` closest to `typed` (case ignored), if it is at most two edits
/// away and not the whole of it.
pub(crate) fn closest<'w>(typed: &str, words: &[&'w str]) -> Option<&'w str> {
    let mut lowered = [0u8; MAX];
    let typed = typed.trim();
    let slot = lowered.get_mut(..typed.len())?;
    slot.copy_from_slice(typed.as_bytes());
    slot.make_ascii_lowercase();
    let typed = std::str::from_utf8(slot).ok()?;
    words
        .iter()
        .map(|word| (edit_distance(typed, word), *word))
        .filter(|(distance, word)| *distance <= 2 && *distance < word.len())
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, word)| word)
}

#[cfg(test)]
mod tests {
    use super::{closest, edit_distance};

    #[test]
    fn counts_edits() {
        assert_eq!(edit_distance("xlarg", "xlarge"), 1);
        assert_eq!(edit_distance("large", "large"), 0);
        assert_eq!(edit_distance("abc", ""), 3);
    }

    #[test]
    fn finds_the_closest_word() {
        assert_eq!(closest("Graviton", &["amd", "graviton"]), Some("graviton"));
        assert_eq!(closest("gravitn", &["amd", "graviton"]), Some("graviton"));
        assert_eq!(closest("zz", &["amd", "graviton"]), None);
    }
}
