# The merged help model -> MAML (<Assembly>.dll-Help.xml), the format Get-Help reads for binary
# modules. System.Xml.XmlWriter does all escaping; elements follow the order Get-Help expects.

$script:MshNamespace = 'http://msh'
$script:MamlNamespace = 'http://schemas.microsoft.com/maml/2004/10'
$script:CommandNamespace = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$script:DevNamespace = 'http://schemas.microsoft.com/maml/dev/2004/10'
$script:MSHelpNamespace = 'http://msdn.microsoft.com/mshelp'
$script:PrefixNamespace = @{
    maml    = $script:MamlNamespace
    command = $script:CommandNamespace
    dev     = $script:DevNamespace
    MSHelp  = $script:MSHelpNamespace
}

function Write-MamlElement {
    <# <Prefix:Name> around whatever $Content writes, so the code nests like the XML it writes. #>
    param([System.Xml.XmlWriter] $Writer, [string] $Prefix, [string] $Name, [scriptblock] $Content)
    $Writer.WriteStartElement($Prefix, $Name, $script:PrefixNamespace[$Prefix])
    & $Content
    $Writer.WriteEndElement()
}

function Write-MamlParagraph {
    <# <Prefix:Element> with one <maml:para> per paragraph. #>
    param([System.Xml.XmlWriter] $Writer, [string] $Prefix = 'maml', [string] $Element = 'description', [string[]] $Paragraph)
    Write-MamlElement $Writer $Prefix $Element {
        foreach ($para in @($Paragraph)) {
            if ($null -ne $para) { $Writer.WriteElementString('maml', 'para', $script:MamlNamespace, $para) }
        }
    }
}

function ConvertTo-MamlBoolean {
    param([bool] $Value)
    $Value.ToString().ToLowerInvariant()
}

function Write-MamlParameter {
    <# A <command:parameter>; inside a syntax item it carries no description and no default value. #>
    param([System.Xml.XmlWriter] $Writer, $Parameter, [switch] $InSyntax)
    $w = $Writer
    Write-MamlElement $w 'command' 'parameter' {
        $w.WriteAttributeString('required', (ConvertTo-MamlBoolean $Parameter.Required))
        $w.WriteAttributeString('variableLength', (ConvertTo-MamlBoolean $Parameter.VariableLength))
        $w.WriteAttributeString('globbing', (ConvertTo-MamlBoolean $Parameter.Globbing))
        $w.WriteAttributeString('pipelineInput', $Parameter.PipelineInput)
        $w.WriteAttributeString('position', $Parameter.Position)
        $w.WriteAttributeString('aliases', $(if (@($Parameter.Aliases).Count) { @($Parameter.Aliases) -join ', ' } else { 'none' }))
        $w.WriteElementString('maml', 'name', $script:MamlNamespace, $Parameter.Name)
        if (-not $InSyntax) { Write-MamlParagraph -Writer $w -Paragraph $Parameter.Description }
        if (@($Parameter.AcceptedValues).Count -gt 0) {
            Write-MamlElement $w 'command' 'parameterValueGroup' {
                foreach ($value in $Parameter.AcceptedValues) {
                    Write-MamlElement $w 'command' 'parameterValue' {
                        $w.WriteAttributeString('required', 'false')
                        $w.WriteAttributeString('command', 'variableLength', $script:CommandNamespace, 'false')
                        $w.WriteString($value)
                    }
                }
            }
        }
        if (-not $Parameter.IsSwitch) {
            Write-MamlElement $w 'command' 'parameterValue' {
                $w.WriteAttributeString('required', 'true')
                $w.WriteAttributeString('variableLength', (ConvertTo-MamlBoolean $Parameter.VariableLength))
                # Short names read like built-in help: <String>, <PinterestAdsContext>.
                $w.WriteString((Get-ShortTypeName $Parameter.Type))
            }
        }
        Write-MamlElement $w 'dev' 'type' {
            $w.WriteElementString('maml', 'name', $script:MamlNamespace, $Parameter.Type)
            $w.WriteElementString('maml', 'uri', $script:MamlNamespace, '')
        }
        if (-not $InSyntax) {
            $w.WriteElementString('dev', 'defaultValue', $script:DevNamespace, $Parameter.DefaultValue)
        }
    }
}

function Write-MamlTypeList {
    <# inputTypes/inputType or returnValues/returnValue: each type's name and description. #>
    param([System.Xml.XmlWriter] $Writer, [string] $ListElement, [string] $ItemElement, [object[]] $Types)
    $w = $Writer
    Write-MamlElement $w 'command' $ListElement {
        foreach ($type in @($Types)) {
            if ($null -eq $type) { continue }
            Write-MamlElement $w 'command' $ItemElement {
                Write-MamlElement $w 'dev' 'type' { $w.WriteElementString('maml', 'name', $script:MamlNamespace, $type.TypeName) }
                Write-MamlParagraph -Writer $w -Paragraph $type.Description
            }
        }
    }
}

function Write-MamlCommand {
    <# One <command:command>, its parts in the order Get-Help reads them. #>
    param([System.Xml.XmlWriter] $Writer, $Help)
    $w = $Writer
    Write-MamlElement $w 'command' 'command' {
        foreach ($xmlPrefix in 'maml', 'command', 'dev', 'MSHelp') {
            $w.WriteAttributeString('xmlns', $xmlPrefix, $null, $script:PrefixNamespace[$xmlPrefix])
        }
        Write-MamlElement $w 'command' 'details' {
            $w.WriteElementString('command', 'name', $script:CommandNamespace, $Help.Name)
            $w.WriteElementString('command', 'verb', $script:CommandNamespace, $Help.Verb)
            $w.WriteElementString('command', 'noun', $script:CommandNamespace, $Help.Noun)
            Write-MamlParagraph -Writer $w -Paragraph @($Help.Synopsis)
        }
        Write-MamlParagraph -Writer $w -Paragraph $Help.Description
        Write-MamlElement $w 'command' 'syntax' {
            foreach ($item in $Help.Syntax) {
                Write-MamlElement $w 'command' 'syntaxItem' {
                    $w.WriteElementString('maml', 'name', $script:MamlNamespace, $Help.Name)
                    foreach ($parameter in $item.Parameters) { Write-MamlParameter -Writer $w -Parameter $parameter -InSyntax }
                }
            }
        }
        Write-MamlElement $w 'command' 'parameters' {
            foreach ($parameter in $Help.Parameters) { Write-MamlParameter -Writer $w -Parameter $parameter }
        }
        if (@($Help.Inputs).Count -gt 0) {
            Write-MamlTypeList -Writer $w -ListElement 'inputTypes' -ItemElement 'inputType' -Types $Help.Inputs
        }
        if (@($Help.Outputs).Count -gt 0) {
            Write-MamlTypeList -Writer $w -ListElement 'returnValues' -ItemElement 'returnValue' -Types $Help.Outputs
        }
        # Omitted when empty: Get-Help would print an empty NOTES heading.
        if (@($Help.Notes | Where-Object { $_ }).Count -gt 0) {
            Write-MamlElement $w 'maml' 'alertSet' { Write-MamlParagraph -Writer $w -Element 'alert' -Paragraph $Help.Notes }
        }
        Write-MamlElement $w 'command' 'examples' {
            foreach ($example in $Help.Examples) {
                Write-MamlElement $w 'command' 'example' {
                    $w.WriteElementString('maml', 'title', $script:MamlNamespace, "--------- $($example.Title) ---------")
                    $w.WriteElementString('dev', 'code', $script:DevNamespace, $example.Code)
                    Write-MamlParagraph -Writer $w -Prefix 'dev' -Element 'remarks' -Paragraph $example.Remarks
                }
            }
        }
        Write-MamlElement $w 'command' 'relatedLinks' {
            foreach ($link in $Help.RelatedLinks) {
                Write-MamlElement $w 'maml' 'navigationLink' {
                    $w.WriteElementString('maml', 'linkText', $script:MamlNamespace, $link.Text)
                    $w.WriteElementString('maml', 'uri', $script:MamlNamespace, $link.Uri)
                }
            }
        }
    }
}

function Write-MamlHelpFile {
    <# Writes <helpItems> with one <command:command> per merged help model, escaped by XmlWriter. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][AllowEmptyCollection()][object[]] $Help, [Parameter(Mandatory)][string] $Path)

    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.IndentChars = '  '
    $settings.NewLineChars = "`n"
    $settings.Encoding = [System.Text.UTF8Encoding]::new($false)
    $settings.CheckCharacters = $true

    $directory = Split-Path -Parent $Path
    if ($directory) { $null = New-Item -ItemType Directory -Force -Path $directory }
    $writer = [System.Xml.XmlWriter]::Create($Path, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', $script:MshNamespace)
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($item in $Help) { Write-MamlCommand -Writer $writer -Help $item }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally {
        $writer.Dispose()
    }
}
