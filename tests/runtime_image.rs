//! The initial image (`runtime::image`): a VM made from it is the VM the
//! builtins' set-up makes, cell by cell, with its heap elsewhere.

use jolt::runtime::shape::ShapeId;
use jolt::runtime::{Options, Vm};
use jolt::End;

fn harness_opts() -> Options {
    Options {
        max_heap: 16 << 20,
        fuel: Some(100_000),
        ..Options::default()
    }
}

#[test]
fn an_image_vm_equals_a_set_up_vm_up_to_where_its_heap_is() {
    let fresh = Vm::new(Options::default());
    let copy = Vm::new_from_image(harness_opts());
    let (a, a_base) = fresh.heap.image();
    let (b, b_base) = copy.heap.image();
    assert!(a.len() > 1000, "the builtins fill {} words", a.len());
    assert_eq!(a.len(), b.len());
    assert_ne!(a_base, b_base, "two live heaps");
    // Every word is the same, or a pointer to the same offset of its heap.
    let offset = |w: u64, base: usize, len: usize| {
        let o = (w as usize).wrapping_sub(base);
        (o < len * 8).then_some(o)
    };
    let mut moved = 0;
    for (i, (&x, &y)) in a.iter().zip(&b).enumerate() {
        if x != y {
            let (ox, oy) = (offset(x, a_base, a.len()), offset(y, b_base, b.len()));
            assert!(
                ox.is_some() && ox == oy,
                "word {i}: {x:#x} vs {y:#x} (not the same cell)"
            );
            moved += 1;
        }
    }
    assert!(moved > 500, "only {moved} pointers moved");
    copy.heap.verify().expect("the copied heap is well formed");
    // The roots point at the same cells, in the new heap.
    assert_eq!(fresh.intrinsics.len(), copy.intrinsics.len());
    for (x, y) in fresh.intrinsics.iter().zip(&copy.intrinsics) {
        if x.is_cell() {
            assert_eq!(
                offset(x.0, a_base, a.len()),
                offset(y.0, b_base, b.len()),
                "intrinsic"
            );
        } else {
            assert_eq!(x.0, y.0);
        }
    }
    assert_eq!(copy.intrinsics_ptr, copy.intrinsics.as_ptr());
    assert_eq!(copy.atom_strings_ptr, copy.atom_strings.as_ptr());
    assert_eq!(copy.atom_strings_len, copy.atom_strings.len());
    assert_eq!(fresh.atom_strings.len(), copy.atom_strings.len());
    // The Rust-side tables are the same.
    assert_eq!(fresh.atoms.len(), copy.atoms.len());
    for i in 0..fresh.atoms.len() {
        let at = jolt::runtime::atoms::Atom(i as u32);
        assert_eq!(fresh.atoms.get(at), copy.atoms.get(at));
    }
    assert_eq!(fresh.shapes.count(), copy.shapes.count());
    for i in 0..fresh.shapes.count() {
        let id = ShapeId(i as u32);
        assert_eq!(
            format!("{:?}", fresh.shapes.get(id)),
            format!("{:?}", copy.shapes.get(id))
        );
    }
    assert_eq!(fresh.allocs, copy.allocs);
    assert_eq!(fresh.heap.allocated_words, copy.heap.allocated_words);
    assert_eq!(fresh.identity_counter, copy.identity_counter);
    assert_eq!(fresh.rng_state, copy.rng_state);
}

const PROGRAM: &str = "
const o = { a: 1, b: [1, 2, 3] };
class P { constructor(x) { this.x = x; } get d() { return this.x * 2; } }
const m = new Map([[1, 'one']]);
let s = '';
for (let i = 0; i < 200; i++) s += String.fromCharCode(97 + i % 26);
print(JSON.stringify(o), new P(4).d, m.get(1), s.length, Math.max(...o.b));
print(Object.keys(globalThis).length > 0, [3, 1, 2].sort().join(), typeof Math.random());
try { null.x; } catch (e) { print(e instanceof TypeError, e.message); }
";

fn run(vm: Box<Vm>) -> (Vec<u8>, End) {
    let proto = jolt::compile_source(PROGRAM, "image.js").expect("compiles");
    let out = jolt::run_on(vm, proto);
    (out.stdout, out.end)
}

#[test]
fn programs_run_the_same_on_image_vms_under_every_collection_mode() {
    let (want, end) = run(Vm::new(harness_opts()));
    assert_eq!(end, End::Normal, "{}", String::from_utf8_lossy(&want));
    assert!(want.starts_with(b"{\"a\":1,\"b\":[1,2,3]} 8 one 200 3\n"));
    for (gc_stress, verify_heap, gc_interval) in [
        (false, false, None),
        (true, true, None),
        (false, true, Some(3)),
    ] {
        // Many VMs from one image, one after another (as the harness
        // makes them) and two at once.
        let keep = Vm::new_from_image(harness_opts());
        for _ in 0..3 {
            let mut vm = Vm::new_from_image(harness_opts());
            vm.opts.gc_stress = gc_stress;
            vm.opts.gc_interval = gc_interval;
            vm.heap.verify_after_gc = verify_heap;
            assert_eq!(run(vm), (want.clone(), End::Normal));
        }
        assert_eq!(run(keep), (want.clone(), End::Normal));
    }
}

#[test]
fn an_image_that_does_not_fit_falls_back_to_the_set_up() {
    // A heap smaller than the image: the set-up itself then reports it.
    let r = std::panic::catch_unwind(|| {
        Vm::new_from_image(Options {
            max_heap: 8 << 10,
            ..Options::default()
        })
    });
    let msg = r
        .err()
        .and_then(|e| e.downcast_ref::<&str>().map(|s| s.to_string()));
    assert_eq!(
        msg.as_deref(),
        Some("heap too small to create the builtins")
    );
}
