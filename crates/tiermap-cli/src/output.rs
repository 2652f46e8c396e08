//! Printing for the CLI. A reader that goes away (`tiermap stats F | head`)
//! ends the program quietly instead of panicking as println! does.

use std::io::Write;

/// Writes one line to standard output; exits 0 if the reader has gone.
pub fn line(args: std::fmt::Arguments) {
    let mut out = std::io::stdout().lock();
    if let Err(error) = writeln!(out, "{args}") {
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("tiermap: cannot write the output: {error}");
        std::process::exit(2);
    }
}

/// println! that survives a closed pipe.
macro_rules! say {
    () => { $crate::output::line(format_args!("")) };
    ($($arg:tt)*) => { $crate::output::line(format_args!($($arg)*)) };
}
