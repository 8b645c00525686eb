//! Formatting helpers shared by the `Display` impls: text assembled on the stack so that
//! `f.pad` can apply width and alignment to the whole value without allocating.

/// Writes `prefix`, `number` in decimal, then `suffix` into `buf`; returns the text.
///
/// Text that does not fit in `buf` is cut (the callers size `buf` for the longest value).
pub(crate) fn write_affixed<'b>(
    buf: &'b mut [u8],
    prefix: &str,
    number: u32,
    suffix: &str,
) -> &'b str {
    let mut digits = [0u8; 10];
    let mut start = digits.len();
    let mut rest = number;
    loop {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let mut len = 0;
    for part in [prefix.as_bytes(), &digits[start..], suffix.as_bytes()] {
        let take = part.len().min(buf.len() - len);
        buf[len..len + take].copy_from_slice(&part[..take]);
        len += take;
    }
    std::str::from_utf8(&buf[..len]).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::write_affixed;

    #[test]
    fn writes_prefix_number_suffix() {
        let mut buf = [0; 16];
        assert_eq!(write_affixed(&mut buf, "metal-", 48, "xl"), "metal-48xl");
        assert_eq!(write_affixed(&mut buf, "", 0, "tb"), "0tb");
        assert_eq!(write_affixed(&mut buf, "", u32::MAX, ""), "4294967295");
    }
}
