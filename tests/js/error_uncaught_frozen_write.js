const settings = Object.freeze({ mode: 'dark' });
print(settings.mode, Object.isFrozen(settings));
const copy = Object.assign({}, settings);
copy.mode = 'light';
print(copy.mode, Object.isFrozen(copy));
settings.mode = 'light';
