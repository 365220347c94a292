const limit = 10;
print(limit);
let mutable = 1;
mutable = limit + 1;
print(mutable);
limit = 11;
print('unreachable');
