//! The small bit sets of the table (regions, architectures): bit `i` stands for item `i`.

/// The items of `items` whose bit is set in `bits`.
pub(crate) fn members<T>(bits: u32, items: impl Iterator<Item = T>) -> impl Iterator<Item = T> {
    items
        .enumerate()
        .filter(move |(i, _)| *i < 32 && bits & (1 << i) != 0)
        .map(|(_, item)| item)
}

#[cfg(test)]
mod tests {
    #[test]
    fn picks_the_items_of_the_set_bits() {
        let picked: Vec<char> = super::members(0b101, "abcd".chars()).collect();
        assert_eq!(picked, ['a', 'c']);
    }
}
