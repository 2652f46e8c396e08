//! ArchiMate exchange files: any bytes give a model or an error, never a
//! panic, a stack overflow or an entity expansion.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = tiermap_import::archimate_from_bytes(std::path::Path::new("fuzz.xml"), data);
});
