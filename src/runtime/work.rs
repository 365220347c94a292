//! The per-run work budget of the harness: every input bounded, every
//! fuzz run on time.
//!
//! Fuel bounds the instructions a program runs (loop back edges and calls),
//! not the work done inside the runtime on its behalf: one `a.push(...a)`
//! in a loop, a `join` or `indexOf` over an array grown to millions of
//! elements, a collection copying a large live heap. The runtime therefore
//! counts *work units* (one unit is about one element step of a native:
//! an iterator step, an element visited, 16 string units copied, a heap
//! word allocated, an object of a for-in prototype chain) in the paths
//! every tier shares (allocation, collection, iteration, for-in, the
//! natives' element loops), through [`Vm::charge`].
//!
//! The count is a harness device, never program-visible semantics:
//! - with neither `Options::work_budget` nor `Options::deadline` (the
//!   command line, tests) nothing ever aborts, and `charge` is an add and a
//!   compare;
//! - when the count passes `work_budget`, the run ends with
//!   [`Abort::SlowInput`] (naming the path that crossed it), an end that
//!   is not compared between plans: the harness reports the input as a
//!   *slow-input finding* (as libFuzzer's `-timeout`), saved and minimized
//!   like a divergence. The count may differ between tiers (baseline code
//!   does some work inline that the interpreter does in a shared helper),
//!   so it must never decide a compared outcome;
//! - `deadline` (the end of a `jolt fuzz --seconds` run) is checked every
//!   [`CHECK_EVERY`] units and ends the run with [`Abort::Deadline`]; the
//!   harness discards such a run.
//!
//! An abort is sticky: it sets fuel to zero and every later `charge` fails
//! again, so a caller that swallows the error cannot keep the run going.
//! It travels as `Throw::OutOfFuel` (uncatchable by JavaScript); `end_of`
//! turns it into `End::Aborted`.

use super::{JsResult, Throw, Vm};

/// Units between two checks of the deadline (and of the budget).
pub const CHECK_EVERY: u64 = 1 << 14;

/// Why the harness stopped a run before its program ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Abort {
    /// The run's work passed `Options::work_budget`; the path that crossed it.
    SlowInput(&'static str),
    /// `Options::deadline` passed.
    Deadline,
}

impl Vm {
    /// Spends `n` work units in the path `site` (see the module doc).
    #[inline]
    pub fn charge(&mut self, n: u64, site: &'static str) -> JsResult<()> {
        self.work_used = self.work_used.wrapping_add(n);
        if self.work_used < self.work_next {
            return Ok(());
        }
        self.work_checkpoint(site)
    }

    /// Starts the count of the program's own work (the harness calls it
    /// after the builtins' set-up, which is the same for every program).
    pub fn reset_work(&mut self) {
        self.work_used = 0;
        self.abort = None;
        self.work_next = self.next_check();
    }

    fn next_check(&self) -> u64 {
        match (self.opts.work_budget, self.opts.deadline) {
            (None, None) => u64::MAX,
            (Some(b), None) => b.saturating_add(1),
            (b, Some(_)) => {
                let next = self.work_used.saturating_add(CHECK_EVERY);
                b.map_or(next, |b| next.min(b.saturating_add(1)))
            }
        }
    }

    #[cold]
    #[inline(never)]
    fn work_checkpoint(&mut self, site: &'static str) -> JsResult<()> {
        if self.abort.is_none() {
            if self.opts.work_budget.is_some_and(|b| self.work_used > b) {
                self.abort = Some(Abort::SlowInput(site));
            } else if self
                .opts
                .deadline
                .is_some_and(|d| std::time::Instant::now() >= d)
            {
                self.abort = Some(Abort::Deadline);
            }
        }
        if self.abort.is_some() {
            self.fuel = 0;
            self.work_next = 0;
            return Err(Throw::OutOfFuel);
        }
        self.work_next = self.next_check();
        Ok(())
    }
}
