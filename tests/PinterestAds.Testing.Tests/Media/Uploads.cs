using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace PinterestAds.Testing.Tests.Media;

/// <summary>Registers media over the API and uploads bytes to the fake upload host the way clients do (multipart, no bearer).</summary>
internal static class Uploads
{
    public static readonly byte[] Mp4Head = [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m', 0, 0, 2, 0];

    public static async Task<JsonObject> Register(Api api)
    {
        var reply = await api.Post("media", new JsonObject { ["media_type"] = "video" });
        Assert.Equal(201, reply.Status);
        return reply.Json!.AsObject();
    }

    /// <summary>POSTs the registration's fields then the file (or the file first), as a client would.</summary>
    public static async Task<HttpResponseMessage> Send(HttpClient client, JsonObject registration, Stream file, bool fileFirst = false, string? bearer = null, Action<MultipartFormDataContent>? tamper = null)
    {
        var form = new MultipartFormDataContent("pintest-boundary");
        var fileContent = new StreamContent(file, 64 * 1024);
        fileContent.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        if (fileFirst)
        {
            form.Add(fileContent, "file", "clip.mp4");
        }

        foreach (var field in registration["upload_parameters"]!.AsObject())
        {
            form.Add(new StringContent((string)field.Value!), field.Key);
        }

        tamper?.Invoke(form);
        if (!fileFirst)
        {
            form.Add(fileContent, "file", "clip.mp4");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, (string)registration["upload_url"]!) { Content = form };
        if (bearer != null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await client.SendAsync(request);
    }

    public static MemoryStream Video(int length = 4096)
    {
        var bytes = new byte[length];
        Mp4Head.CopyTo(bytes, 0);
        return new MemoryStream(bytes);
    }
}
