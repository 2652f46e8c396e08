//! Counting the work of an import, so a test can hold it linear without
//! timing anything: each record a step of interpreting or planning looks at
//! counts one visit (a row, a list item, a relation, an ownership, a
//! candidate of a name). Counted in this crate's tests only; elsewhere
//! `visit` is empty and compiles away.

#[cfg(test)]
thread_local! {
    static VISITS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// One record looked at.
#[inline(always)]
pub(crate) fn visit() {
    #[cfg(test)]
    VISITS.with(|v| v.set(v.get() + 1));
}

/// Visits counted on this thread so far.
#[cfg(test)]
pub(crate) fn visits() -> u64 {
    VISITS.with(std::cell::Cell::get)
}

/// An iterator that counts a visit for every item it yields.
pub(crate) struct Counted<I>(I);

impl<I: Iterator> Iterator for Counted<I> {
    type Item = I::Item;

    #[inline(always)]
    fn next(&mut self) -> Option<I::Item> {
        let item = self.0.next();
        if item.is_some() {
            visit();
        }
        item
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

pub(crate) trait CountVisits: Iterator + Sized {
    /// Counts a visit per item (see the module).
    fn counted(self) -> Counted<Self> {
        Counted(self)
    }
}

impl<I: Iterator> CountVisits for I {}
