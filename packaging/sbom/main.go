// Command sbom writes a CycloneDX 1.5 JSON software bill of materials for a Go
// binary: the main module, the Go standard library and every module linked
// into it, read from the build info the go command embeds in each binary (the
// same data `go version -m BINARY` prints). It reads ELF, Mach-O and PE files,
// so one host describes the binaries of every platform of a release.
//
//	go run ./packaging/sbom [-o FILE] [-version VERSION] BINARY
//
// Used by packaging/release.sh; nothing is fetched.
package main

import (
	"debug/buildinfo"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"runtime/debug"
	"strings"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sbom", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "write the SBOM to `FILE` instead of stdout")
	stamped := fs.String("version", "", "the main module's `VERSION` when the build info has none (release builds stamp theirs with -ldflags -X)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: sbom [-o FILE] [-version VERSION] BINARY")
		return 2
	}
	info, err := buildinfo.ReadFile(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "sbom: %v\n", err)
		return 1
	}
	data, err := json.MarshalIndent(fromBuildInfo(info, *stamped), "", "  ")
	if err != nil {
		fmt.Fprintf(stderr, "sbom: %v\n", err)
		return 1
	}
	data = append(data, '\n')
	if *out == "" {
		_, err = stdout.Write(data)
	} else {
		err = os.WriteFile(*out, data, 0o644)
	}
	if err != nil {
		fmt.Fprintf(stderr, "sbom: %v\n", err)
		return 1
	}
	return 0
}

// CycloneDX 1.5 (https://cyclonedx.org/docs/1.5/json/), the fields used here.
type bom struct {
	Format       string       `json:"bomFormat"`
	SpecVersion  string       `json:"specVersion"`
	Version      int          `json:"version"`
	Metadata     metadata     `json:"metadata"`
	Components   []component  `json:"components"`
	Dependencies []dependency `json:"dependencies"`
}

type metadata struct {
	Timestamp string    `json:"timestamp,omitempty"`
	Tools     tools     `json:"tools"`
	Component component `json:"component"`
}

type tools struct {
	Components []component `json:"components"`
}

type component struct {
	Type       string     `json:"type"`
	Ref        string     `json:"bom-ref,omitempty"`
	Name       string     `json:"name"`
	Version    string     `json:"version,omitempty"`
	PURL       string     `json:"purl,omitempty"`
	Properties []property `json:"properties,omitempty"`
}

type property struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

type dependency struct {
	Ref       string   `json:"ref"`
	DependsOn []string `json:"dependsOn"`
}

// fromBuildInfo describes one binary; stamped, when set, is the version
// stamped at link time, which the build info does not show. The timestamp is the commit time
// (vcs.time) when recorded, so that the same commit gives the same SBOM.
func fromBuildInfo(info *debug.BuildInfo, stamped string) bom {
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	mainVersion := info.Main.Version
	if stamped != "" {
		mainVersion = stamped
	} else if mainVersion == "(devel)" {
		mainVersion = ""
	}
	var props []property
	for _, k := range []string{"GOOS", "GOARCH", "vcs.revision", "vcs.time", "vcs.modified"} {
		if v := settings[k]; v != "" {
			props = append(props, property{Name: "go:" + k, Value: v})
		}
	}
	main := module(info.Main.Path, mainVersion, "application")
	main.Properties = props
	std := module("std", info.GoVersion, "library")
	b := bom{
		Format:      "CycloneDX",
		SpecVersion: "1.5",
		Version:     1,
		Metadata: metadata{
			Timestamp: settings["vcs.time"],
			Tools:     tools{Components: []component{{Type: "application", Name: "fineprint packaging/sbom"}}},
			Component: main,
		},
		Components: []component{std},
	}
	refs := []string{std.Ref}
	for _, d := range info.Deps {
		if d.Replace != nil {
			d = d.Replace
		}
		c := module(d.Path, d.Version, "library")
		if d.Sum != "" {
			c.Properties = []property{{Name: "go:sum", Value: d.Sum}}
		}
		b.Components = append(b.Components, c)
		refs = append(refs, c.Ref)
	}
	b.Dependencies = []dependency{{Ref: main.Ref, DependsOn: refs}}
	return b
}

// module is a Go module as a component, with its package URL
// (pkg:golang/NAMESPACE/NAME@VERSION?type=module, as cyclonedx-gomod writes it).
func module(modPath, version, typ string) component {
	purl := "pkg:golang/" + purlPath(modPath)
	if version != "" {
		purl += "@" + version
	}
	purl += "?type=module"
	return component{Type: typ, Ref: purl, Name: modPath, Version: version, PURL: purl}
}

// purlPath escapes each segment of a module path the way package URLs need.
func purlPath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = strings.NewReplacer("@", "%40", "?", "%3F", "#", "%23").Replace(s)
	}
	return path.Join(segs...)
}
