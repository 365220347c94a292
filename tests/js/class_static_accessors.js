class Config {
  static _level = 'info';
  static get level() { return this._level.toUpperCase(); }
  static set level(v) {
    if (!['debug', 'info', 'warn'].includes(v)) throw new RangeError('bad level ' + v);
    this._level = v;
  }
}
print(Config.level);
Config.level = 'warn';
print(Config.level, Config._level);
try { Config.level = 'loud'; } catch (e) { print(e.name, e.message); }
class Sub extends Config {}
print(Sub.level);
Sub.level = 'debug';
print(Sub.level, Config.level, Sub.hasOwnProperty('_level'));
