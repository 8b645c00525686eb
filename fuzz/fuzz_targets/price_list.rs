//! Fuzz the readers of the user's data through `Catalogue::apply`, which recognises every
//! format by its content (offer files as CSV and JSON, `pricing get-products` JSON, the
//! AWS CLI's JSON, the price CSV), on an empty catalogue, starting from the fixtures:
//! never a panic, and an input that is refused leaves the catalogue as it was.

#![no_main]

use ec2_instance_type::catalogue::Catalogue;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut catalogue = Catalogue::empty();
    if catalogue.apply(data, "fuzz").is_err() {
        assert!(catalogue.is_empty());
    }
});
