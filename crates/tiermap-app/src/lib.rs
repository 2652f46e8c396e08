//! Tiermap's use cases: what a person can do with a document, shared by the
//! desktop app (src-tauri) and the `tiermap` command.
//!
//! Promises:
//! - The only surface the hosts call; a Tauri command is a one-line adapter
//!   to a function here.
//! - Only this crate knows the wire types (wire.rs); domain types are
//!   converted explicitly (views.rs) and the TypeScript declarations are
//!   generated from them (bindings.rs).
//! - Errors leave as [`AppError`] `{ code, message }` with stable codes.

pub mod bindings;
mod error;
pub mod exporting;
pub mod generate;
mod capture;
mod gestures;
pub mod integrity;
pub mod importing;
mod inspector;
mod outlining;
pub mod problems;
pub mod sample;
mod session;
mod transfer;
mod views;
pub mod wire;

pub use error::{AppError, ErrorCode};
pub use session::Session;
pub use views::initials;
