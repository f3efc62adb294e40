//! The coaching conversation: one question at a time, confirmed before it is written.
//!
//! "Ask question → Receive answer → Confirm understanding → Update file →
//! Move to next." The question bank is data, the reader turns an answer into
//! a structured reading, the writers turn a confirmed reading into lossless
//! operations, and the session is a plain serialisable state machine that the
//! plugin's modal and `career coach` both drive. The core never reads a clock:
//! every event carries the time the shell gives it.

mod entries;
pub mod parse;
pub mod preview;
pub mod questions;
pub mod reader;
pub mod session;
pub mod walk;
pub mod writers;
