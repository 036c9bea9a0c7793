using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using ShadowProxy.Gateway.Tests.Infrastructure;

namespace ShadowProxy.Gateway.Tests.Admin;

/// <summary>The explorer in real headless Chromium against a gateway that has seen a drifted primary.</summary>
[Collection(DriftedGatewayGroup.Name)]
public sealed class ExplorerBrowserTests(DriftedGatewayFixture fixture)
{
    [Fact]
    public void Explorer_ShowsTheDriftedRoute_AndThePairViewerMarksTheDifference()
    {
        using var driver = StartChromium();
        var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(20));
        driver.Navigate().GoToUrl(new Uri(fixture.Gateway.AdminUri, "admin/login"));
        var loginPageLog = driver.Manage().Logs.GetLog(LogType.Browser);
        driver.FindElement(By.Id("token")).SendKeys(DriftedGatewayFixture.AdminToken);
        driver.FindElement(By.CssSelector("#login-form button")).Click();

        var card = wait.Until(d => d.FindElements(By.CssSelector(".route-card[data-route='openai'][data-state='drift']")).FirstOrDefault());
        var codeFenced = wait.Until(d => d.FindElements(By.CssSelector(".metric-row[data-metric='code_fenced']")).FirstOrDefault());
        Assert.NotNull(card);
        Assert.Equal("drift", codeFenced!.GetAttribute("data-state"));
        Save(driver, "explorer-overview.png");

        var pair = wait.Until(d => d.FindElements(By.CssSelector("#pair-list .pair-item")).FirstOrDefault());
        ((IJavaScriptExecutor)driver).ExecuteScript("arguments[0].scrollIntoView(); arguments[0].click();", pair);
        var baseline = wait.Until(d => d.FindElements(By.CssSelector("#pair-view .baseline-text")).FirstOrDefault(e => e.Text.Length > 0));
        var primary = driver.FindElement(By.CssSelector("#pair-view .primary-text"));
        var marks = driver.FindElements(By.CssSelector("#pair-view .diff ins, #pair-view .diff del"));
        Assert.False(string.IsNullOrWhiteSpace(baseline!.Text));
        Assert.False(string.IsNullOrWhiteSpace(primary.Text));
        Assert.NotEmpty(marks);
        Save(driver, "explorer-pair.png");

        // The admin pages' Content-Security-Policy must allow everything they actually use.
        Assert.All(loginPageLog.Concat(driver.Manage().Logs.GetLog(LogType.Browser)), entry => Assert.DoesNotContain("Content Security Policy", entry.Message, StringComparison.Ordinal));
    }

    private static ChromeDriver StartChromium()
    {
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--window-size=1366,900", $"--user-data-dir={Directory.CreateTempSubdirectory("chromium-").FullName}");
        var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    private static void Save(ChromeDriver driver, string name)
    {
        var dir = Path.Combine(RepoPaths.Root, "artifacts", "screenshots");
        Directory.CreateDirectory(dir);
        driver.GetScreenshot().SaveAsFile(Path.Combine(dir, name));
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {Path.Combine(dir, name)}");
    }
}
