package wording

import "testing"

// 1,234,567 is the number the module's three formatters once wrote three
// ways ("1,234,567", "1.234567 million", "1234567").
func TestOneNumberReadsOneWay(t *testing.T) {
	const n = 1234567
	for name, got := range map[string]string{
		"Digits": Digits(n), "Short": Short(n), "Long": Long(n), "LongFloat": LongFloat(n),
	} {
		if got != "1,234,567" {
			t.Errorf("%s(%d) = %q, want 1,234,567", name, n, got)
		}
	}
	if got := Count(n, "file"); got != "1,234,567 files" {
		t.Errorf("Count = %q", got)
	}
}

func TestDigits(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 7: "7", 999: "999", 1000: "1,000", -1234567: "-1,234,567", 699999999: "699,999,999"} {
		if got := Digits(n); got != want {
			t.Errorf("Digits(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestShort(t *testing.T) {
	for n, want := range map[int64]string{
		700000000: "700M", 2000000: "2M", 2500000: "2.5M", 1000000000: "1B", 10000: "10K", 1500: "1.5K",
		0: "0", 999: "999", 699999999: "699,999,999", 1050000: "1050K", 2e12: "2000B",
	} {
		if got := Short(n); got != want {
			t.Errorf("Short(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestLong(t *testing.T) {
	for n, want := range map[int64]string{
		700000000: "700 million", 1500000000: "1.5 billion", 1e12: "1 trillion", 20000: "20,000", 1000000: "1 million",
		1000500: "1,000,500", 100: "100",
	} {
		if got := Long(n); got != want {
			t.Errorf("Long(%d) = %q, want %q", n, got, want)
		}
	}
	if got := LongFloat(2.4e6); got != "2.4 million" {
		t.Errorf("LongFloat(2.4e6) = %q", got)
	}
}

func TestNounAndCount(t *testing.T) {
	for _, c := range []struct {
		n          int
		noun, want string
	}{
		{0, "file", "0 files"}, {1, "file", "1 file"}, {2, "license file", "2 license files"},
		{1, "policy", "1 policy"}, {3, "policy", "3 policies"}, {2, "day", "2 days"},
		{2, "information", "2 information"}, {5, "hint", "5 hints"}, {2, "class", "2 classes"},
	} {
		if got := Count(c.n, c.noun); got != c.want {
			t.Errorf("Count(%d, %q) = %q, want %q", c.n, c.noun, got, c.want)
		}
	}
	if Pick(1, "it is", "they are") != "it is" || Pick(2, "it is", "they are") != "they are" {
		t.Error("Pick")
	}
}

func TestCapitalLetters(t *testing.T) {
	for line, want := range map[string]int{"LIMITATION OF LIABILITY": 21, "Section 2": -1, "1. (A)": 1, "": 0, "许可 MIT": 3} {
		if got := CapitalLetters([]byte(line)); got != want {
			t.Errorf("CapitalLetters(%q) = %d, want %d", line, got, want)
		}
	}
}
