//! The initial image: the VM state `builtins::init` leaves, built once per
//! thread and copied into each new VM instead of running the set-up again
//! (the harness creates a VM per plan per input: the set-up was an eighth
//! of `jolt fuzz`'s time).
//!
//! Invariants:
//! - The set-up depends on no option (it runs without forced collections,
//!   and nothing in `builtins` reads `Vm::opts`), so one image serves every
//!   plan. It is taken right after `builtins::init` on a VM nothing else has
//!   touched: no frames, handles, scripts or output.
//! - The image holds everything the set-up wrote: the heap's cells, the
//!   atoms and their strings, the shapes, the intrinsics, and the counters.
//!   A VM made from it equals a freshly set-up one except for where its
//!   heap lives: `Heap::load_image` moves every pointer into the image to
//!   the same cell of the new heap, and the roots (`intrinsics`,
//!   `atom_strings`) are moved the same way. tests/runtime_image.rs checks
//!   this cell by cell.
//! - Only the harness uses it (`Vm::with_image`); the command line and the
//!   set-up under `--gc-stress` still run `builtins::init` itself.

use super::atoms::Atoms;
use super::shape::Shapes;
use super::{Options, Value, Vm, UNIT_STRINGS};
use std::rc::Rc;

/// What `builtins::init` left in a VM.
pub struct Image {
    words: Vec<u64>,
    /// The address `words` were at.
    base: usize,
    /// Offsets in `words` of the pointers into `words` (moved per load).
    pointers: Vec<u32>,
    atoms: Atoms,
    atom_strings: Vec<Value>,
    unit_atoms: Box<[u32; UNIT_STRINGS]>,
    shapes: Shapes,
    intrinsics: Vec<Value>,
    allocs: u64,
    identity_counter: u64,
    rng_state: u64,
}

thread_local! {
    static IMAGE: std::cell::RefCell<Option<Rc<Image>>> = const { std::cell::RefCell::new(None) };
}

impl Image {
    /// Takes the image of `vm`, which `builtins::init` has just set up.
    pub fn take(vm: &Vm) -> Image {
        assert!(
            vm.sp == 0 && vm.frames.is_empty() && vm.handles.is_empty(),
            "an image is taken right after the set-up"
        );
        assert!(vm.scripts.is_empty() && vm.out.is_empty() && vm.heap.collections == 0);
        let (words, base) = vm.heap.image();
        Image {
            pointers: super::heap::Heap::image_pointers(&words, base),
            words,
            base,
            atoms: vm.atoms.clone(),
            atom_strings: vm.atom_strings.clone(),
            unit_atoms: vm.unit_atoms.clone(),
            shapes: vm.shapes.clone(),
            intrinsics: vm.intrinsics.clone(),
            allocs: vm.allocs,
            identity_counter: vm.identity_counter,
            rng_state: vm.rng_state,
        }
    }

    /// This thread's image (set up the first time).
    pub fn current(run_loop: fn(&mut Vm) -> super::JsResult<Value>) -> Rc<Image> {
        IMAGE.with(|i| {
            i.borrow_mut()
                .get_or_insert_with(|| {
                    Rc::new(Image::take(&Vm::with_run_loop(
                        Options::default(),
                        run_loop,
                    )))
                })
                .clone()
        })
    }

    /// Heap words the image occupies.
    pub fn words(&self) -> usize {
        self.words.len()
    }

    /// Puts the image into `vm`, a VM whose set-up has not run. `false`
    /// (and `vm` unchanged) when its heap is too small for the image.
    pub fn load(&self, vm: &mut Vm) -> bool {
        if vm.heap.capacity_bytes() < self.words.len() * 8 {
            return false;
        }
        let relocate = vm.heap.load_image(&self.words, self.base, &self.pointers);
        vm.atoms = self.atoms.clone();
        vm.atom_strings = self.atom_strings.clone();
        vm.atom_strings.iter_mut().for_each(&relocate);
        vm.atom_strings_ptr = vm.atom_strings.as_ptr();
        vm.atom_strings_len = vm.atom_strings.len();
        vm.unit_atoms = self.unit_atoms.clone();
        vm.shapes = self.shapes.clone();
        // Same length as the fresh VM's, so `intrinsics_ptr` is reset below.
        vm.intrinsics.copy_from_slice(&self.intrinsics);
        vm.intrinsics.iter_mut().for_each(&relocate);
        vm.intrinsics_ptr = vm.intrinsics.as_ptr();
        vm.allocs = self.allocs;
        vm.identity_counter = self.identity_counter;
        vm.rng_state = self.rng_state;
        true
    }
}
