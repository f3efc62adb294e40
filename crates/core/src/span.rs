//! Byte spans into a note's text.
//!
//! Every location the core reports or edits is a [`Span`]: UTF-8 byte offsets
//! into the original text, end exclusive. Spans are what make edits lossless:
//! an edit names the bytes it replaces, and everything outside stays as it was.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a note's text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte, inclusive.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; `end` is clamped to be at least `start`.
    pub fn new(start: usize, end: usize) -> Self {
        Self {
            start,
            end: end.max(start),
        }
    }

    /// An empty span at `at`, the place an insertion goes.
    pub fn at(at: usize) -> Self {
        Self { start: at, end: at }
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text under the span, or `""` if it does not fit the text.
    pub fn of(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Whether `other` lies entirely inside this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The span shifted right by `by` bytes.
    pub fn shift(self, by: usize) -> Self {
        Self {
            start: self.start + by,
            end: self.end + by,
        }
    }
}
