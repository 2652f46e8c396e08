//! Tiermap JSON: any bytes give edits or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = tiermap_import::json_from_bytes(std::path::Path::new("fuzz.json"), data);
});
