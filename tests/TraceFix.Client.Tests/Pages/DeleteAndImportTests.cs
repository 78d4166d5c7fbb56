using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TraceFix.Client.Components;
using TraceFix.Client.Pages;
using TraceFix.Client.Tests.Support;
using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;

namespace TraceFix.Client.Tests.Pages;

public sealed class DeleteAndImportTests : DashboardContext
{
    [Fact]
    public void Delete_AsksOnce_ThenDeletesAndGoesBackToTheList()
    {
        var id = Guid.NewGuid();
        Api.Runs[id] = Dtos.Detail(id, RunStatus.Completed, EpisodeStatus.Completed, Dtos.Step(1, 1, ActionType.VIEW_CODE, -0.01));
        var navigation = Services.GetRequiredService<NavigationManager>();
        var cut = Render<RunPage>(p => p.Add(x => x.Id, id));

        cut.Find("#delete-run").Click();
        Assert.Empty(Api.Deleted);
        cut.Find("#delete-confirm").Click();

        Assert.Equal([id], Api.Deleted);
        Assert.Equal(navigation.BaseUri, navigation.Uri);
    }

    [Fact]
    public void RunningRun_OffersCancelNotDelete()
    {
        var id = Guid.NewGuid();
        Api.Runs[id] = Dtos.Detail(id, RunStatus.Running, EpisodeStatus.Running, Dtos.Step(1, 1, ActionType.VIEW_CODE, -0.01));

        var cut = Render<RunPage>(p => p.Add(x => x.Id, id));

        Assert.Empty(cut.FindAll("#delete-run"));
        Assert.Single(cut.FindAll(".run-head .btn.danger"));
    }

    [Fact]
    public void Import_UploadsTheFileAndOpensTheNewRun()
    {
        Guid? opened = null;
        var cut = Render<ImportRunButton>(p => p.Add(x => x.OnImported, id => opened = id));

        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(
            InputFileContent.CreateFromText("""{"kind":"run"}""" + "\n", "run.jsonl"));

        cut.WaitForAssertion(() => Assert.NotNull(opened));
        Assert.Equal("""{"kind":"run"}""" + "\n", Assert.Single(Api.Imported));
    }

    [Fact]
    public void Import_ShowsTheServersProblem()
    {
        var cut = Render<ImportRunButton>();

        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(Encoding.UTF8.GetBytes("not json"), "bad.jsonl"));

        cut.WaitForAssertion(() => Assert.Contains("line 1: not a JSON object", cut.Find(".import-error").TextContent));
    }
}
