//! The lossless note model: a note's text and the spans of what is in it.

pub mod frontmatter;
pub mod headings;
pub mod lines;
pub mod links;
pub mod sourcepos;
pub mod tables;
pub mod tasks;
