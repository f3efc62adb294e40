//! Career Coach's core: everything that reads, models and rewrites career notes.
//!
//! The core is pure. It does no I/O, reads no clock (dates arrive as a `today`
//! argument, and chrono is built without its `clock` feature), and knows
//! nothing of JavaScript. The WASM bindings and the `career` CLI are thin
//! shells around it; see `ARCHITECTURE.md` for the map.

pub mod assistant;
pub mod blindspots;
mod bytes;
pub mod charts;
pub mod coach;
pub mod dates;
pub mod edit;
pub mod error;
pub mod goals;
mod hash;
pub mod index_location;
pub mod log;
pub mod note;
pub mod ops;
pub mod order;
pub mod periods;
pub mod proposal;
pub mod reviews;
pub mod settings;
pub mod span;
pub mod templates;
pub mod vault_path;

pub use dates::Day;
pub use error::{CoreError, CoreResult, ErrorCode};
pub use periods::{FiscalYear, Period, PeriodKind};
pub use settings::{NotePaths, Settings};
pub use span::Span;

/// The core's version, shown by `career --version` and the plugin.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
