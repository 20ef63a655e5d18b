package kb

// ClausePattern finds one kind of clause in any license text.
type ClausePattern struct {
	ID      string `yaml:"id"`      // unique, e.g. "mau-threshold"
	Code    string `yaml:"code"`    // finding code it produces
	Message string `yaml:"message"` // template; {name} is replaced by Data[name]
}
