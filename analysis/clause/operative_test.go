package clause

import "testing"

// TestClauseCodesGiveWayToTheirClause: a heading, a recital or a quoted text
// to copy names what a clause of the text says; the finding of a clause
// code (not only of a license code) sits on the clause. A heading alone
// stays the finding, and a quoted notice line stays one of the codes that
// report the text to copy. The texts are made up; every case lists all
// hits its text gives.
func TestClauseCodesGiveWayToTheirClause(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "a quoted text to display, then the clause it quotes",
		text: "Zeta may require you to show its terms.\n\n\"This model may not be used for military purposes.\"\n\nYou may not use the Model for military purposes.",
		want: []phrase{
			{use, "You may not use the Model for military purposes.", nil},
		},
	}, {
		name: "a title-case heading above the termination clause",
		text: "Zeta May Terminate Your License At Any Time\n\nZeta may terminate this license at any time, with or without cause.",
		want: []phrase{
			{remote, "Zeta may terminate this license at any time, with or without cause.", nil},
		},
	}, {
		name: "a recital, then the clause",
		text: "WHEREAS, Zeta may terminate this license at any time, with or without cause;\n\nZeta may terminate this license at any time, with or without cause.",
		want: []phrase{
			{remote, "Zeta may terminate this license at any time, with or without cause.", nil},
		},
	}, {
		name: "a Chinese paragraph with Latin words in capitals is no heading",
		text: "许可方有权根据需要不定时地发布本协议的修订版或补充版本。若您在新规则生效后计划继续使用 ZETA 2 模型，则经修订后的协议将自动适用于您。若您拒绝接受新的协议，您有权终止使用 ZETA 2 模型。\n\n许可方有权对协议进行不时更新。",
		want: []phrase{
			{change, "许可方有权根据需要不定时地发布本协议的修订版或补充版本。若您在新规则生效后计划继续使用 ZETA 2 模型，则经修订后的协议将自动适用于您。若您拒绝接受新的协议，您有权终止使用 ZETA 2 模型。", nil},
			{change, "许可方有权对协议进行不时更新。", nil},
		},
	}})
}
