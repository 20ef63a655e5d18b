package analysis

// Profile is how a project intends to use models (.fineprint.yaml at the
// workspace root, or the editor's "fineprint" settings). A nil pointer field
// means "not said", and fineprint then assumes nothing.
type Profile struct {
	Use    Use               `yaml:"use" json:"use"`
	Rules  map[string]string `yaml:"rules" json:"rules"` // code -> off|hint|information|warning|error
	Ignore []string          `yaml:"ignore" json:"ignore"`
}

// Use is the profile's "use" section.
type Use struct {
	Commercial          *bool    `yaml:"commercial" json:"commercial"`
	MonthlyActiveUsers  *int64   `yaml:"monthly_active_users" json:"monthly_active_users"`
	AnnualRevenueUSD    *int64   `yaml:"annual_revenue_usd" json:"annual_revenue_usd"`
	Regions             []string `yaml:"regions" json:"regions"`
	RedistributesModels *bool    `yaml:"redistributes_models" json:"redistributes_models"`
}
