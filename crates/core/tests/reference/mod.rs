//! The blind spot analysis and the readers under it as they were before the
//! whole-note reading (commit 645e324), kept only so that
//! `blindspots_agree.rs` can show the faster code finds exactly what they
//! found. The files are the old sources with their paths pointed here or at
//! `career_core`, and `Entry::headers` built as the `Arc` it became;
//! nothing else changed. Functions of the library whose
//! behaviour the speed-up left alone (`Entry::is_nil`, the employer's and
//! the roles' logic, `normalize`, `kind_of`, the outline) are used as they are.
#![allow(dead_code)]

pub mod placeholders;
pub mod readers;
pub mod rules;
