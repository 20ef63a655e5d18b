package identify

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/fineprint-dev/fineprint/analysis/kb"
	"github.com/google/licensecheck"
)

// TestStandardScanAgreesWithLicensecheck: the family templates answer only
// when the full scanner would give the same answer, on every real license
// text of the corpus and on texts made to tempt them (a standard license
// with terms added on top, a variant of a common license).
func TestStandardScanAgreesWithLicensecheck(t *testing.T) {
	dir := corpusDir(t)
	texts := map[string][]byte{}
	for _, rel := range corpusFiles(t, dir) {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		texts[rel] = b
	}
	mit := string(texts["mit/deepseek-r1/LICENSE"])
	if mit == "" {
		t.Fatal("corpus lacks mit/deepseek-r1/LICENSE")
	}
	texts["synthetic: MIT with terms on top"] = []byte(mit + "\n\nAdditional terms. " + strings.Repeat("You must not use the Model to harm people, and you must display Powered by Acme in your product. ", 8))
	texts["synthetic: MIT twice"] = []byte(mit + "\n" + mit)
	texts["synthetic: MIT without its conditions"] = []byte(strings.Split(mit, "The above copyright")[0])
	fast := 0
	for name, text := range texts {
		want := licensecheck.Scan(text)
		got := scanLicensecheck(text)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: family templates give %+v, licensecheck gives %+v", name, got, want)
		}
		if s := familyScanner(text); s != nil && s.Scan(text).Percent >= fastCoverage {
			fast++
		}
	}
	if fast < 10 {
		t.Errorf("only %d of %d texts took the fast path; the families should cover the corpus's standard licenses", fast, len(texts))
	}
	t.Logf("%d of %d texts identified without the full scanner", fast, len(texts))
}

// TestPlainLicenseParsesNoTemplates: identifying a standard license as
// shipped reads none of licensecheck's templates word by word (altered.go
// needs them only for text beyond the template); parsing them all is a
// start-up cost of about 0.4 s that `fineprint check` of one MIT LICENSE
// must not pay.
func TestPlainLicenseParsesNoTemplates(t *testing.T) {
	dir := corpusDir(t)
	mit, err := os.ReadFile(filepath.Join(dir, "mit", "deepseek-r1", "LICENSE"))
	if err != nil {
		t.Skipf("corpus lacks mit/deepseek-r1/LICENSE: %v", err)
	}
	templatesMu.Lock()
	templates = nil
	templatesMu.Unlock()
	ms := Identify(kb.Default(), mit)
	if len(ms) != 1 || ms[0].ID != "mit" || len(ms[0].Added) != 0 {
		t.Fatalf("Identify(MIT) = %+v, want mit with nothing added", ms)
	}
	templatesMu.Lock()
	defer templatesMu.Unlock()
	if len(templates) != 0 {
		t.Errorf("identifying a plain MIT text parsed %d of licensecheck's templates, want none", len(templates))
	}
}

// TestFoldWords pins foldWords to what it replaces, on blanks, case and
// bytes outside ASCII (a no-break space and an ideographic space are
// blanks, an invalid byte reads as U+FFFD).
func TestFoldWords(t *testing.T) {
	for _, s := range []string{
		"", "  \t\n", "MIT License\n\nPermission  is Hereby\tGRANTED ",
		"Ünïcödé\u00a0Words\u3000and\u0085more \xff\xfeBAD İ K",
		"\u00a0lead and trail\u2028",
	} {
		want := bytes.Join(bytes.Fields(bytes.ToLower([]byte(s))), []byte(" "))
		if got := foldWords([]byte(s)); !bytes.Equal(got, want) {
			t.Errorf("foldWords(%q) = %q, want %q", s, got, want)
		}
	}
}
