//! Kollegiegranskning: a review round over cases. Colleagues review each
//! other's cases with the template's questions; granska prepares the round —
//! who reviews which case, never their own, with a share reviewed twice — and
//! writes each reviewer a protocol pre-filled with granska's verdicts.

pub mod aterkoppling;
pub mod export;
pub mod grupper;
mod plan;
pub mod protokoll;
pub mod render;
pub mod resultat;
mod round;
pub mod sammanstall;

pub use plan::{
    Assignment, Plan, ReviewCase, Reviewer, assign, cases_of, read_reviewers, same_person,
};
pub use protokoll::{ProtocolCase, Round, write_protocol};
pub use round::{PLAN_FILE, Preparation, PrepareError, Prepared, prepare, read_sample_list};
