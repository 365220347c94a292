"""list_tree: the benches/js/list_tree.js program in Python (classes with __slots__ for the
list and tree nodes; a dict-free port, so the literal-node half uses the same class).
usage: python3 list_tree.py [WARMUP ITERATIONS]"""
import bench_common

LIST = 20000
TREE = 20000
LOOKUPS = 200000
EXPECTED = 20026784


class ListNode:
    __slots__ = ("value", "next")

    def __init__(self, value, nxt):
        self.value = value
        self.next = nxt


def build_list(n):
    head = None
    for i in range(n):
        head = ListNode(i, head)
    return head


def reverse(head):
    prev = None
    while head is not None:
        nxt = head.next
        head.next = prev
        prev = head
        head = nxt
    return prev


def sum_list(head):
    s = 0
    n = head
    while n is not None:
        s = (s + n.value * 3) % 1000003
        n = n.next
    return s


class TreeNode:
    __slots__ = ("key", "left", "right", "count")

    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None
        self.count = 1


class Tree:
    def __init__(self):
        self.root = None
        self.size = 0

    def insert(self, key):
        if self.root is None:
            self.root = TreeNode(key)
            self.size += 1
            return
        n = self.root
        while True:
            if key == n.key:
                n.count += 1
                return
            if key < n.key:
                if n.left is None:
                    n.left = TreeNode(key)
                    self.size += 1
                    return
                n = n.left
            else:
                if n.right is None:
                    n.right = TreeNode(key)
                    self.size += 1
                    return
                n = n.right

    def find(self, key):
        n = self.root
        while n is not None:
            if key == n.key:
                return n.count
            n = n.left if key < n.key else n.right
        return 0

    def total(self):
        stack = [self.root]
        s = 0
        while stack:
            n = stack.pop()
            if n is None:
                continue
            s += n.key * n.count
            stack.append(n.left)
            stack.append(n.right)
        return s % 1000003


def run():
    check = 0
    for _ in range(10):
        lst = build_list(LIST)
        check += sum_list(lst)
        check += sum_list(reverse(lst))
    seed = 12345
    tree = Tree()
    for _ in range(TREE):
        seed = (seed * 16807) % 2147483647
        tree.insert(seed % 50000)
    found = 0
    for i in range(LOOKUPS):
        found += tree.find((i * 7) % 50000)
    checksum = check + tree.size + found + tree.total()
    if checksum != EXPECTED:
        raise RuntimeError("list_tree: checksum %r, expected %r" % (checksum, EXPECTED))
    return checksum


bench_common.bench("list_tree", run)
