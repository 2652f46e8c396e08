//! CSV and tab-separated text: any bytes give a table or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = tiermap_import::csv_from_bytes(std::path::Path::new("fuzz.csv"), data);
});
