const Anon = class { hi() { return 'anon'; } };
const Named = class Inner { who() { return Inner.name; } };
print(new Anon().hi(), Anon.name, new Named().who(), Named.name);
function mixin(Base) { return class extends Base { mixed() { return 'mixed into ' + super.base(); } }; }
class Root { base() { return 'root'; } }
const Mixed = mixin(Root);
print(new Mixed().mixed(), new Mixed() instanceof Root);
const classes = [1, 2].map(n => class { val() { return n; } });
print(new classes[0]().val(), new classes[1]().val(), classes[0] === classes[1]);
