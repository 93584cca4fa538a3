using System.Linq;
using DockerDsl.Analyzers.Tests.Infrastructure;
using DockerDsl.Core.Diagnostics;
using Microsoft.CodeAnalysis;

namespace DockerDsl.Analyzers.Tests;

/// <summary>The analyzers report exactly the catalogue's rules that apply to declarations, as the catalogue describes them.</summary>
public class CatalogueTests
{
    [Fact]
    public void Every_declaration_rule_has_one_analyzer_descriptor_that_matches_it()
    {
        var descriptors = TestReferences.AllAnalyzers().SelectMany(a => a.SupportedDiagnostics).ToDictionary(d => d.Id);
        var rules = RuleCatalog.All.Where(r => r.AppliesToDeclarations).ToList();

        Assert.Equal(rules.Select(r => r.Id).Order(), descriptors.Keys.Order());
        Assert.All(rules, rule =>
        {
            var descriptor = descriptors[rule.Id];
            Assert.Equal(rule.Title, descriptor.Title.ToString());
            Assert.Equal(rule.DeclarationMessage, descriptor.MessageFormat.ToString());
            Assert.Equal(rule.Description, descriptor.Description.ToString());
            Assert.Equal(rule.Category, descriptor.Category);
            Assert.Equal(rule.HelpLink, descriptor.HelpLinkUri);
            Assert.Equal(rule.EnabledByDefault, descriptor.IsEnabledByDefault);
            Assert.Equal(
                rule.DefaultSeverity switch
                {
                    RuleSeverity.Hidden => DiagnosticSeverity.Hidden,
                    RuleSeverity.Info => DiagnosticSeverity.Info,
                    RuleSeverity.Warning => DiagnosticSeverity.Warning,
                    _ => DiagnosticSeverity.Error,
                },
                descriptor.DefaultSeverity);
        });
    }
}
