const factory = () => ({ made: true });
print(factory().made);
function Classic() { this.made = 'classic'; }
print(new Classic().made);
const x = new factory();
