//! The Career Index as one session call sees it: its text, and what is read
//! from it at most once per call.
//!
//! A prompt settles the session against the note, then shows the current
//! entry, then the section's text; a step settles, acts, then enters the next
//! section. Each of those needs the note's sections and the current
//! section's entries, and reading them is most of a call's cost (the
//! heading scan alone is over half of it on a 30 KB index). So a call reads
//! them through one `NoteNow`, which keeps what it read; a write makes a new
//! text, and with it a new `NoteNow`.

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use crate::coach::walk::{self, WalkEntry};
use crate::note::outline::{sections, Section};

/// A note's text with its sections and walk entries, each read once.
pub(super) struct NoteNow<'a> {
    /// The note's text.
    pub text: &'a str,
    sections: OnceCell<Vec<Section>>,
    /// The entries read so far, by section id.
    entries: RefCell<Vec<(String, Rc<Vec<WalkEntry>>)>>,
}

impl<'a> NoteNow<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            sections: OnceCell::new(),
            entries: RefCell::new(Vec::new()),
        }
    }

    /// The note's sections (`outline::sections`).
    pub fn sections(&self) -> &[Section] {
        self.sections.get_or_init(|| sections(self.text))
    }

    /// The walk's entries of `section` (`walk::entries`).
    pub fn entries(&self, section: &str) -> Rc<Vec<WalkEntry>> {
        let known = self.entries.try_borrow().ok().and_then(|read| {
            read.iter()
                .find(|(id, _)| id == section)
                .map(|(_, found)| Rc::clone(found))
        });
        if let Some(found) = known {
            return found;
        }
        let found = Rc::new(walk::entries_in(self.text, self.sections(), section));
        if let Ok(mut read) = self.entries.try_borrow_mut() {
            read.push((section.to_string(), Rc::clone(&found)));
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOTE: &str = "# Career Index\n\n## Network\n\n| Name | Role |\n| --- | --- |\n| Ada | Mentor |\n| Bo | Peer |\n\n## Growth\n\nNothing yet.\n";

    #[test]
    fn entries_read_through_it_are_those_read_directly() {
        let now = NoteNow::new(NOTE);
        for section in ["network", "growth", "vision", "no-such-section"] {
            let direct = walk::entries(NOTE, section);
            assert_eq!(*now.entries(section), direct, "{section}");
            // The second read is the kept one, and still the same.
            assert_eq!(*now.entries(section), direct, "{section}, again");
        }
        assert_eq!(now.sections(), sections(NOTE).as_slice());
    }

    #[test]
    fn a_section_read_twice_is_read_once() {
        let now = NoteNow::new(NOTE);
        let first = now.entries("network");
        assert!(!first.is_empty(), "the note's Network rows are entries");
        assert!(Rc::ptr_eq(&first, &now.entries("network")));
    }
}
