//! Fuzz the readers of AWS's price lists (the bulk offer CSV and `pricing get-products`
//! JSON) on an empty catalogue, starting from the fixture: never a panic, and an input
//! that is refused leaves the catalogue as it was.

#![no_main]

use ec2_instance_type::catalogue::Catalogue;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut catalogue = Catalogue::empty();
    if catalogue.apply_price_list_csv(data, "fuzz.csv").is_err() {
        assert!(catalogue.is_empty());
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let mut catalogue = Catalogue::empty();
        if catalogue.apply_price_list_json(text, "fuzz.json").is_err() {
            assert!(catalogue.is_empty());
        }
    }
});
