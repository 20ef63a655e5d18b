//go:build !race

package clause

// raceDetector: see race_on_test.go.
const raceDetector = false
